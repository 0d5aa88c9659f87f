/// Net effects of a local currency programme and its costs, from the gross effects of
/// the certificate spending (`NetEffectParameters` holds the assumptions).
///
/// With certificate spending S (won), incremental share s, displaced share d, gross
/// effects G of S placed at the region's merchants and G′ of the same spending placed at
/// merchants in the rest of the nation (two-region model):
/// - regional net effect = s·G (in the region: what the region gains, including what
///   it takes from other regions);
/// - national net effect = s·[(1 − d)·G + d·(G − G′)] summed over both regions: displaced
///   spending adds G in the region but removes G′ elsewhere;
/// - costs (won): discount = rate × issuance, split by funder; issuance and operating
///   costs = rate × issuance (city); deadweight loss = rate × issuance (nation, no budget);
/// - benefit–cost ratios compare **value added** — the income the economy earns — with
///   the costs, never output: output counts intermediate inputs again at every stage.
///   Regional BCR = net value added in the region / costs borne by the city; national
///   BCR = national net value added / (discount + operating costs + deadweight loss).
/// For a single-table model there is no rest of the nation: the "national" view is the
/// table's economy with d ignored.
public struct NetEffect: Sendable {
    public let parameters: NetEffectParameters
    /// Certificate spending analysed (won) and the issuance the costs apply to (won).
    public let spendingWon: Double
    public let issuanceWon: Double
    /// Won per table unit (to express effects in won).
    public let wonPerUnit: Double
    /// Gross effects of all certificate spending, as if all of it were new (table units/persons).
    public let gross: EffectTotals
    /// Net effects in the region (s·G).
    public let netRegional: EffectTotals
    /// Net effects for the nation (two-region) or the table's economy (single table).
    public let netNational: EffectTotals
    /// Whether `netNational` covers the whole nation (two-region model).
    public let nationalIsNation: Bool

    public var discountWon: Double { parameters.discountRate * issuanceWon }
    public var discountByNationWon: Double { discountWon * parameters.fundingShares.nation }
    public var discountByProvinceWon: Double { discountWon * parameters.fundingShares.province }
    public var discountByCityWon: Double { discountWon * parameters.fundingShares.city }
    public var operatingCostWon: Double { parameters.issuanceCostRate * issuanceWon }
    public var deadweightLossWon: Double { parameters.deadweightLossRate * issuanceWon }
    /// Costs borne by the city: its share of the discount and the operating costs.
    public var cityCostWon: Double { discountByCityWon + operatingCostWon }
    /// All public costs: discount + operating costs (budgets) + deadweight loss.
    public var nationalCostWon: Double { discountWon + operatingCostWon + deadweightLossWon }

    /// Net value added in the region (won), Type I or II.
    public func regionalValueAddedWon(typeII: Bool = false) -> Double? {
        netRegional.value(.valueAdded, .inRegion, typeII: typeII).map { $0 * wonPerUnit }
    }

    /// National net value added (won), Type I or II.
    public func nationalValueAddedWon(typeII: Bool = false) -> Double? {
        netNational.total(.valueAdded, typeII: typeII).map { $0 * wonPerUnit }
    }

    /// Regional benefit–cost ratio: net value added in the region / the city's costs.
    public func regionalBenefitCostRatio(typeII: Bool = false) -> Double? {
        guard let va = regionalValueAddedWon(typeII: typeII), cityCostWon > 0 else { return nil }
        return va / cityCostWon
    }

    /// National benefit–cost ratio: national net value added / all costs.
    public func nationalBenefitCostRatio(typeII: Bool = false) -> Double? {
        guard let va = nationalValueAddedWon(typeII: typeII), nationalCostWon > 0 else { return nil }
        return va / nationalCostWon
    }

    /// Computes net effects. `own` and `supplied` are the certificate demand's vectors
    /// (`CertificateDemand.vectors()`), `spendingWon` the spending they come from.
    public init(model: RegionalEffectModel, own: [Double], supplied: [Double], spendingWon: Double,
                wonPerUnit: Double, parameters: NetEffectParameters) throws {
        let atRegion = model.place(own: own, supplied: supplied)
        let gross = try model.totals(atRegion)
        let s = parameters.incrementalShare, d = parameters.displacedShare
        self.parameters = parameters
        self.spendingWon = spendingWon
        self.issuanceWon = parameters.issuanceWon ?? spendingWon
        self.wonPerUnit = wonPerUnit
        self.gross = gross
        self.netRegional = gross.scaled(by: s)
        if model.hasRestOfNation {
            let elsewhere = try model.totals(model.place(own: own, supplied: supplied, atRestOfNation: true))
            // s·[(1 − d)·G + d·(G − G′)] = s·G − s·d·G′.
            self.netNational = gross.scaled(by: s).subtracting(elsewhere.scaled(by: s * d))
            self.nationalIsNation = true
        } else {
            self.netNational = gross.scaled(by: s)
            self.nationalIsNation = false
        }
    }
}
