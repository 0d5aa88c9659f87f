/// A batch of accepted transactions in columns (struct of arrays), handed from
/// the scanner to the aggregators. Amounts are signed net won: a cancellation
/// carries −|amount|.
public struct TransactionBatch: Sendable {
    /// Month as YYYYMM (e.g. 202403).
    public var month: [Int32] = []
    /// Hour of day 0–23.
    public var hour: [UInt8] = []
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

    public var count: Int { netAmount.count }

    public mutating func removeAll() {
        month.removeAll(keepingCapacity: true)
        hour.removeAll(keepingCapacity: true)
        consumerRegion.removeAll(keepingCapacity: true)
        merchantRegion.removeAll(keepingCapacity: true)
        industry.removeAll(keepingCapacity: true)
        netAmount.removeAll(keepingCapacity: true)
        consumerKey.removeAll(keepingCapacity: true)
        merchantKey.removeAll(keepingCapacity: true)
    }
}
