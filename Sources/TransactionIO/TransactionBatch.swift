/// A batch of accepted transactions in columns (struct of arrays), handed from
/// the scanner to the aggregators. Amounts are signed net won: a cancellation
/// carries −|amount|.
public struct TransactionBatch: Sendable {
    /// Month as YYYYMM (e.g. 202403).
    public var month: [Int32] = []
    /// Hour of day 0–23.
    public var hour: [UInt8] = []
    /// Seconds since 1970-01-01 of the clock time as written.
    public var time: [Int64] = []
    public var consumerRegion: [Int64] = []
    public var merchantRegion: [Int64] = []
    public var industry: [IndustryCode] = []
    /// Net won (negative for cancellations).
    public var netAmount: [Int64] = []
    /// 64-bit hash of the consumer id bytes (0 when the log has no consumer_id).
    public var consumerKey: [UInt64] = []
    /// 64-bit hash of the merchant id bytes (0 when the log has no merchant_id).
    public var merchantKey: [UInt64] = []

    public init() {}

    public init(reservingCapacity n: Int) {
        month.reserveCapacity(n)
        hour.reserveCapacity(n)
        time.reserveCapacity(n)
        consumerRegion.reserveCapacity(n)
        merchantRegion.reserveCapacity(n)
        industry.reserveCapacity(n)
        netAmount.reserveCapacity(n)
        consumerKey.reserveCapacity(n)
        merchantKey.reserveCapacity(n)
    }

    public var count: Int { netAmount.count }

    @inline(__always)
    mutating func append(month m: Int32, hour h: UInt8, time t: Int64, consumerRegion cr: Int64, merchantRegion mr: Int64,
                         industry i: IndustryCode, netAmount a: Int64, consumerKey ck: UInt64, merchantKey mk: UInt64) {
        month.append(m)
        hour.append(h)
        time.append(t)
        consumerRegion.append(cr)
        merchantRegion.append(mr)
        industry.append(i)
        netAmount.append(a)
        consumerKey.append(ck)
        merchantKey.append(mk)
    }

    /// Appends all rows of `other` (for tests and merging).
    public mutating func append(contentsOf other: TransactionBatch) {
        month += other.month
        hour += other.hour
        time += other.time
        consumerRegion += other.consumerRegion
        merchantRegion += other.merchantRegion
        industry += other.industry
        netAmount += other.netAmount
        consumerKey += other.consumerKey
        merchantKey += other.merchantKey
    }

    public mutating func removeAll() {
        month.removeAll(keepingCapacity: true)
        hour.removeAll(keepingCapacity: true)
        time.removeAll(keepingCapacity: true)
        consumerRegion.removeAll(keepingCapacity: true)
        merchantRegion.removeAll(keepingCapacity: true)
        industry.removeAll(keepingCapacity: true)
        netAmount.removeAll(keepingCapacity: true)
        consumerKey.removeAll(keepingCapacity: true)
        merchantKey.removeAll(keepingCapacity: true)
    }
}
