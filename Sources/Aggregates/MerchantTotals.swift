import TransactionIO

/// Totals of one merchant (money in won), for concentration measures. The
/// merchant is identified by a 64-bit hash of its `merchant_id`; its region and
/// industry are those of the first row seen with the smallest (region, industry),
/// so merges do not depend on order.
public struct MerchantTotals: Sendable, Equatable, Codable {
    public var netAmount: Int64 = 0
    public var count: Int64 = 0
    public var cancellations: Int64 = 0
    public var region: Int64 = Int64.max
    public var industry: UInt64 = UInt64.max

    public init() {}

    @inline(__always)
    mutating func add(_ amount: Int64, region r: Int64, industry i: UInt64) {
        netAmount &+= amount
        count &+= 1
        if amount < 0 { cancellations &+= 1 }
        if (r, i) < (region, industry) {
            region = r
            industry = i
        }
    }

    /// The sum of two merchants' totals, wrapping like `add` (see `SpendCell.+`: exact
    /// whenever the true total fits in Int64, never a trap, independent of merge order).
    /// Adds `b` to `a` (as `+`).
    public static func += (a: inout MerchantTotals, b: MerchantTotals) { a = a + b }

    public static func + (a: MerchantTotals, b: MerchantTotals) -> MerchantTotals {
        var m = a
        m.netAmount &+= b.netAmount
        m.count &+= b.count
        m.cancellations &+= b.cancellations
        if (b.region, b.industry) < (m.region, m.industry) {
            m.region = b.region
            m.industry = b.industry
        }
        return m
    }

    public var industryCode: IndustryCode { IndustryCode(packed: industry) }
}
