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

extension Concordance {
    /// Maps net spending by code (won) to a final-demand vector in table units.
    /// `wonPerUnit` converts won to the table's unit (1e6 for a table in million won).
    public func map(spending: [(code: String, won: Int64)], sectorCount: Int, wonPerUnit: Double) -> ConcordanceMapping {
        var demand = [Double](repeating: 0, count: sectorCount)
        var exact: Int64 = 0, prefix: Int64 = 0
        var unmapped: [(String, Int64)] = []
        for (code, won) in spending {
            let (match, targets) = lookup(code)
            switch match {
            case .exact: exact += won
            case .prefix: prefix += won
            case .unmapped:
                unmapped.append((code, won))
                continue
            }
            for t in targets { demand[t.sector] += Double(won) * t.share / wonPerUnit }
        }
        unmapped.sort { $0.1 > $1.1 }
        return ConcordanceMapping(demand: demand, exactWon: exact, prefixWon: prefix, unmapped: unmapped)
    }
}
