/// The effects of a final-demand change in the two-region model, by sector and region.
///
/// Every measure is reported three ways: in the region (R), in the rest of the nation
/// (S, the spill-over), and their total; `importsType1/2` are purchases from abroad,
/// the third destination of the spending. Money in `units`, employment in persons.
/// Output and value added are different measures of one effect (value added is part of
/// output): never add them.
public struct TwoRegionImpactResult: Sendable {
    public let units: MoneyUnit
    /// R's sectors (demand = R's final-demand change).
    public let inRegion: [SectorImpact]
    /// S's sectors (demand = S's final-demand change).
    public let restOfNation: [SectorImpact]
    /// Sums over R's sectors (code "region"), S's ("rest_of_nation") and both ("total").
    public let totalInRegion: SectorImpact
    public let totalRestOfNation: SectorImpact
    public let total: SectorImpact
    public let hasTypeII: Bool

    /// Share of the Type I output effect that stays in the region.
    public var inRegionShareOfOutputTypeI: Double? {
        total.outputType1 != 0 ? totalInRegion.outputType1 / total.outputType1 : nil
    }

    /// Share of the Type II output effect that stays in the region.
    public var inRegionShareOfOutputTypeII: Double? {
        guard let r = totalInRegion.outputType2, let t = total.outputType2, t != 0 else { return nil }
        return r / t
    }
}
