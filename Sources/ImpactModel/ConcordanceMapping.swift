/// The result of mapping spending by industry code onto IO sectors: the
/// final-demand vector and a coverage report. Won amounts are integer won;
/// the demand is in the table's units.
public struct ConcordanceMapping: Sendable {
    /// Δf by sector, in table units (won ÷ won per table unit).
    public let demand: [Double]
    /// Spending mapped by an exact code match (won).
    public let exactWon: Int64
    /// Spending mapped through a shorter prefix (won).
    public let prefixWon: Int64
    /// Codes no key matched, with their net spending (won), largest first.
    public let unmapped: [(code: String, won: Int64)]

    /// Spending not mapped (won).
    public var unmappedWon: Int64 { unmapped.reduce(0) { $0 + $1.won } }
    /// All spending offered (won).
    public var totalWon: Int64 { exactWon + prefixWon + unmappedWon }
}

extension ConcordanceMapping {
    /// The coverage of a price-bridged demand, with `demand` as the final-demand vector.
    public init(coverageOf bridged: CertificateDemand, demand: [Double]) {
        self.init(demand: demand, exactWon: bridged.exactWon, prefixWon: bridged.prefixWon, unmapped: bridged.unmapped)
    }
}

extension Concordance {
    /// Maps net spending by code (won) to a final-demand vector in table units, every
    /// code at face value (no margin table): `demand(spending:margins:…)` without margins.
    /// `wonPerUnit` converts won to the table's unit (1e6 for a table in million won).
    public func map(spending: [(code: String, won: Int64)], sectorCount: Int, wonPerUnit: Double) -> ConcordanceMapping {
        let bridged = demand(spending: spending, margins: nil, sectorCount: sectorCount, wonPerUnit: wonPerUnit)
        return ConcordanceMapping(coverageOf: bridged, demand: bridged.unbridgedOwn)
    }
}
