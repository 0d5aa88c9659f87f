import LocalCurrencyImpact

/// Filters for crashes already found and reported, so a fuzz run goes on finding new
/// ones. Each names its bug; delete the filter once the bug is fixed.
public enum KnownBugs {
    /// BUG (reported, Sources/ImpactReports/ScanReport.swift): the scan report sums money
    /// and counts with trapping `+` (`ScanAggregates.netAmount`, `merchantsJSON`,
    /// `consumersJSON`), so aggregates whose totals exceed Int64 — a state file with huge
    /// amounts, or a log with rows near the Int64 limit — crash `lcimpact scan`/`merge`
    /// instead of reporting. True when every amount and count is small enough (|x| ≤ 2⁵⁰)
    /// that the report's sums over a fuzz-sized input cannot overflow.
    public static func reportSumsCannotOverflow(_ a: ScanAggregates) -> Bool {
        let limit: Int64 = 1 << 50
        func small(_ x: Int64) -> Bool { x >= -limit && x <= limit }
        for cell in a.spending.values where !(small(cell.netAmount) && small(cell.count) && small(cell.cancellations)) { return false }
        for cell in a.flows.values where !(small(cell.netAmount) && small(cell.count)) { return false }
        for m in a.merchants.values where !(small(m.netAmount) && small(m.count)) { return false }
        var fits = true
        a.consumers.forEach { f in
            if !(small(f.netAmount) && small(f.outsideNetAmount) && small(f.transactions) && f.spendByGroup.allSatisfy(small)) {
                fits = false
            }
        }
        return fits
    }
}
