import ImpactModel

/// The regional part of an analysis: how the spending became final demand (margins),
/// where its effects occur (region, rest of the nation, abroad), gross and net of
/// substitution with the programme's costs, the uncertainty bands, and the effects by
/// month. Effects in table units (`units`) and persons; costs in won.
public struct RegionalAnalysisSection: Sendable {
    /// The regionalization behind a two-region model (nil for a single-table model).
    public var regionalization: Regionalization?
    /// Whether a user-supplied regional table fixed the region's coefficients.
    public var regionalTableSource: String?
    public var marginsSource: String?
    public var demand: CertificateDemand
    /// Gross effects of all certificate spending by sector and region (two-region model).
    public var grossTwoRegion: TwoRegionImpactResult?
    public var netEffect: NetEffect
    public var demandBands: MonteCarloSummary?
    public var coefficientBands: MonteCarloSummary?
    /// Spending and gross effects by month (YYYYMM).
    public var monthly: [(month: Int32, spendingWon: Int64, gross: EffectTotals)]
    public var units: MoneyUnit

    public init(regionalization: Regionalization?, regionalTableSource: String?, marginsSource: String?, demand: CertificateDemand,
                grossTwoRegion: TwoRegionImpactResult?, netEffect: NetEffect, demandBands: MonteCarloSummary?,
                coefficientBands: MonteCarloSummary?, monthly: [(month: Int32, spendingWon: Int64, gross: EffectTotals)], units: MoneyUnit) {
        self.regionalization = regionalization
        self.regionalTableSource = regionalTableSource
        self.marginsSource = marginsSource
        self.demand = demand
        self.grossTwoRegion = grossTwoRegion
        self.netEffect = netEffect
        self.demandBands = demandBands
        self.coefficientBands = coefficientBands
        self.monthly = monthly
        self.units = units
    }

    var twoRegion: Bool { netEffect.nationalIsNation }
}
