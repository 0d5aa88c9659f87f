/// What one scan knows about one consumer (money in won). The consumer is
/// identified by a 64-bit hash of the `consumer_id` bytes; raw ids are not kept.
public struct ConsumerFeatures: Sendable, Equatable {
    /// 64-bit FNV-1a hash of the consumer id.
    public var key: UInt64
    /// Accepted rows (approvals and cancellations).
    public var transactions: Int64
    /// Net won spent.
    public var netAmount: Int64
    /// Net won spent at merchants outside the row's consumer_region.
    public var outsideNetAmount: Int64
    /// First and last transaction, seconds since 1970 of the clock time as written.
    public var firstTime: Int64
    public var lastTime: Int64
    /// consumer_region of the earliest transaction (ties: the smaller code).
    public var homeRegion: Int64
    /// Distinct KSIC divisions (two-digit) the consumer bought from.
    public var distinctDivisions: Int
    /// Transactions per hour of day 0–23 (each count saturates at 65,535).
    public var hourProfile: [Int]
    /// Net won by `SpendingGroup`, indexed by its raw value.
    public var spendByGroup: [Int64]

    /// Share of net spending outside the home region (nil when net spending is not positive).
    public var outsideShare: Double? {
        netAmount > 0 ? Double(outsideNetAmount) / Double(netAmount) : nil
    }
}
