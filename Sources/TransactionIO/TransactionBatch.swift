/// A batch of accepted transactions in columns (struct of arrays), handed from
/// the scanner to the aggregators. Amounts are signed net won: a cancellation
/// carries −|amount|.
///
/// The columns live in raw storage written row by row by the parser (no
/// per-append uniqueness or bounds checks); aggregators read them through
/// `withColumns`. The array properties copy, for tests and small uses. A batch
/// handed to a callback is valid during that call only.
public struct TransactionBatch: @unchecked Sendable {
    // @unchecked Sendable: a batch is filled by one parser and read by one aggregator
    // inside the callback that receives it; it is never shared across threads at once.
    final class Storage {
        var capacity: Int
        var count = 0
        var month: UnsafeMutablePointer<Int32>
        var hour: UnsafeMutablePointer<UInt8>
        var time: UnsafeMutablePointer<Int64>
        var consumerRegion: UnsafeMutablePointer<Int64>
        var merchantRegion: UnsafeMutablePointer<Int64>
        var industry: UnsafeMutablePointer<IndustryCode>
        var netAmount: UnsafeMutablePointer<Int64>
        var consumerKey: UnsafeMutablePointer<UInt64>
        var merchantKey: UnsafeMutablePointer<UInt64>

        init(capacity: Int) {
            self.capacity = max(capacity, 16)
            let c = self.capacity
            month = .allocate(capacity: c)
            hour = .allocate(capacity: c)
            time = .allocate(capacity: c)
            consumerRegion = .allocate(capacity: c)
            merchantRegion = .allocate(capacity: c)
            industry = .allocate(capacity: c)
            netAmount = .allocate(capacity: c)
            consumerKey = .allocate(capacity: c)
            merchantKey = .allocate(capacity: c)
        }

        deinit {
            month.deallocate(); hour.deallocate(); time.deallocate(); consumerRegion.deallocate()
            merchantRegion.deallocate(); industry.deallocate(); netAmount.deallocate()
            consumerKey.deallocate(); merchantKey.deallocate()
        }

        func grow() {
            let c = capacity * 2
            func moved<T>(_ p: UnsafeMutablePointer<T>) -> UnsafeMutablePointer<T> {
                let q = UnsafeMutablePointer<T>.allocate(capacity: c)
                q.moveInitialize(from: p, count: count)
                p.deallocate()
                return q
            }
            month = moved(month); hour = moved(hour); time = moved(time)
            consumerRegion = moved(consumerRegion); merchantRegion = moved(merchantRegion)
            industry = moved(industry); netAmount = moved(netAmount)
            consumerKey = moved(consumerKey); merchantKey = moved(merchantKey)
            capacity = c
        }
    }

    let storage: Storage

    public init() { storage = Storage(capacity: 1024) }

    public init(reservingCapacity n: Int) { storage = Storage(capacity: n) }

    public var count: Int { storage.count }

    /// Read-only views of the columns, valid inside `body`.
    public struct Columns {
        public let month: UnsafeBufferPointer<Int32>
        public let hour: UnsafeBufferPointer<UInt8>
        public let time: UnsafeBufferPointer<Int64>
        public let consumerRegion: UnsafeBufferPointer<Int64>
        public let merchantRegion: UnsafeBufferPointer<Int64>
        public let industry: UnsafeBufferPointer<IndustryCode>
        public let netAmount: UnsafeBufferPointer<Int64>
        public let consumerKey: UnsafeBufferPointer<UInt64>
        public let merchantKey: UnsafeBufferPointer<UInt64>
    }

    /// Calls `body` with the columns (all of length `count`).
    public func withColumns<R>(_ body: (Columns) throws -> R) rethrows -> R {
        let s = storage, n = s.count
        return try withExtendedLifetime(s) {
            try body(Columns(
                month: UnsafeBufferPointer(start: s.month, count: n), hour: UnsafeBufferPointer(start: s.hour, count: n),
                time: UnsafeBufferPointer(start: s.time, count: n),
                consumerRegion: UnsafeBufferPointer(start: s.consumerRegion, count: n),
                merchantRegion: UnsafeBufferPointer(start: s.merchantRegion, count: n),
                industry: UnsafeBufferPointer(start: s.industry, count: n),
                netAmount: UnsafeBufferPointer(start: s.netAmount, count: n),
                consumerKey: UnsafeBufferPointer(start: s.consumerKey, count: n),
                merchantKey: UnsafeBufferPointer(start: s.merchantKey, count: n)))
        }
    }

    /// Month as YYYYMM (e.g. 202403).
    public var month: [Int32] { withColumns { Array($0.month) } }
    /// Hour of day 0–23.
    public var hour: [UInt8] { withColumns { Array($0.hour) } }
    /// Seconds since 1970-01-01 of the clock time as written.
    public var time: [Int64] { withColumns { Array($0.time) } }
    public var consumerRegion: [Int64] { withColumns { Array($0.consumerRegion) } }
    public var merchantRegion: [Int64] { withColumns { Array($0.merchantRegion) } }
    public var industry: [IndustryCode] { withColumns { Array($0.industry) } }
    /// Net won (negative for cancellations).
    public var netAmount: [Int64] { withColumns { Array($0.netAmount) } }
    /// 64-bit hash of the consumer id bytes (0 when the log has no consumer_id).
    public var consumerKey: [UInt64] { withColumns { Array($0.consumerKey) } }
    /// 64-bit hash of the merchant id bytes (0 when the log has no merchant_id).
    public var merchantKey: [UInt64] { withColumns { Array($0.merchantKey) } }

    @inline(__always)
    func append(month m: Int32, hour h: UInt8, time t: Int64, consumerRegion cr: Int64, merchantRegion mr: Int64,
                industry i: IndustryCode, netAmount a: Int64, consumerKey ck: UInt64, merchantKey mk: UInt64) {
        let s = storage
        if s.count == s.capacity { s.grow() }
        // count < capacity after the growth check: one row through an appender.
        var rows = Appender(s)
        rows.append(month: m, hour: h, time: t, consumerRegion: cr, merchantRegion: mr, industry: i,
                    netAmount: a, consumerKey: ck, merchantKey: mk)
        s.count = rows.count
    }

    /// Appends all rows of `other` (for tests and merging).
    public func append(contentsOf other: TransactionBatch) {
        other.withColumns { c in
            for k in 0..<c.netAmount.count {
                append(month: c.month[k], hour: c.hour[k], time: c.time[k], consumerRegion: c.consumerRegion[k],
                       merchantRegion: c.merchantRegion[k], industry: c.industry[k], netAmount: c.netAmount[k],
                       consumerKey: c.consumerKey[k], merchantKey: c.merchantKey[k])
            }
        }
    }

    /// Empties the batch (keeps its storage).
    public func removeAll() { storage.count = 0 }
}
