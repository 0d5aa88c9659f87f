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

    public static func + (a: SpendCell, b: SpendCell) -> SpendCell {
        SpendCell(netAmount: a.netAmount + b.netAmount, count: a.count + b.count,
                  cancellations: a.cancellations + b.cancellations)
    }
}
