/// Net spending and row counts for one aggregation key. Money in won.
public struct SpendCell: Sendable, Equatable, Codable {
    /// Net won: approved amounts minus cancelled amounts.
    public var netAmount: Int64 = 0
    /// Accepted rows (approvals and cancellations).
    public var count: Int64 = 0
    /// Of which cancellations.
    public var cancellations: Int64 = 0

    public init(netAmount: Int64 = 0, count: Int64 = 0, cancellations: Int64 = 0) {
        self.netAmount = netAmount
        self.count = count
        self.cancellations = cancellations
    }

    @inlinable
    public mutating func add(_ amount: Int64) {
        netAmount &+= amount
        count &+= 1
        if amount < 0 { cancellations &+= 1 }
    }

    /// The sum of two cells, in the same wrapping (two's-complement) arithmetic as `add`:
    /// sums modulo 2⁶⁴ are exactly associative and commutative, so a merge never traps and
    /// never depends on the order of parts, and the total is exact whenever the true total
    /// fits in Int64 (±9.2·10¹⁸ won). Only hostile input (rows near the Int64 limit) can
    /// exceed it; a trapping `+` here crashed the parallel scan on such logs (found by fuzzing).
    /// Adds `b` to `a` (as `+`).
    public static func += (a: inout SpendCell, b: SpendCell) { a = a + b }

    public static func + (a: SpendCell, b: SpendCell) -> SpendCell {
        SpendCell(netAmount: a.netAmount &+ b.netAmount, count: a.count &+ b.count,
                  cancellations: a.cancellations &+ b.cancellations)
    }
}
