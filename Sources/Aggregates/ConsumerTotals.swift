import Dispatch

/// Sums over every consumer of a table: what a summary of the consumer features
/// needs, computed from the stored records without building a `ConsumerFeatures`
/// (two arrays) per consumer. Sums wrap like the scan's (exact whenever the totals
/// fit in Int64; see `ScanAggregates.totalsOverflow`).
public struct ConsumerTotals: Sendable, Equatable {
    /// Distinct consumers.
    public var count = 0
    /// Accepted rows with a consumer id.
    public var transactions: Int64 = 0
    /// Net won.
    public var netAmount: Int64 = 0
    /// Net won at merchants outside the row's consumer_region.
    public var outsideNetAmount: Int64 = 0
    /// Net won by `SpendingGroup`, indexed by its raw value.
    public var spendByGroup = [Int64](repeating: 0, count: SpendingGroup.allCases.count)
    /// Transactions per hour of day 0–23, summed over consumers (each consumer's count
    /// saturates at 65,535, as in `ConsumerFeatures.hourProfile`).
    public var hourProfile = [Int](repeating: 0, count: 24)

    public init() {}
}

extension ConsumerTable {
    /// The sums over all consumers (equal to summing `forEach`'s features, faster): the
    /// shards are summed in parallel (wrapping integer sums, so the order does not matter).
    /// On the 32 M-row log (800,000 consumers in 128 shards) the JSON report's rendering, which
    /// runs after the scan on one thread, went from 48–53 to 40–45 ms.
    public func totals() -> ConsumerTotals {
        let parts = UnsafeMutableBufferPointer<ConsumerTotals>.allocate(capacity: shards.count)
        parts.initialize(repeating: ConsumerTotals())
        defer {
            parts.deinitialize()
            parts.deallocate()
        }
        nonisolated(unsafe) let out = parts
        let shards = self.shards
        DispatchQueue.concurrentPerform(iterations: shards.count) { s in
            // Safe: iteration s alone writes element s.
            out[s] = Self.totals(of: shards[s])
        }
        var t = ConsumerTotals()
        for part in parts {
            t.count &+= part.count
            t.transactions &+= part.transactions
            t.netAmount &+= part.netAmount
            t.outsideNetAmount &+= part.outsideNetAmount
            for k in t.spendByGroup.indices { t.spendByGroup[k] &+= part.spendByGroup[k] }
            for k in 0..<24 { t.hourProfile[k] &+= part.hourProfile[k] }
        }
        return t
    }

    /// The sums over the consumers of one shard, read from the stored records: a record
    /// without spilled counters (all of them in practice) is summed from its fields, any
    /// other through the exchange form (`ConsumerStorage.logical`), which adds the side
    /// table. Reading the fields directly instead of building every record's exchange form
    /// took the JSON report of the 32 M-row log (800,000 consumers) from 37–45 to 20–25 ms.
    static func totals(of shard: ConsumerStorage) -> ConsumerTotals {
        var t = ConsumerTotals()
        t.count = shard.count
        var groups = [Int64](repeating: 0, count: 12), hours = [Int](repeating: 0, count: 24)
        groups.withUnsafeMutableBufferPointer { g in
            hours.withUnsafeMutableBufferPointer { h in
                withUnsafeTemporaryAllocation(of: UInt64.self, capacity: ConsumerStorage.logicalWords) { w in
                    // Safe: the buffers hold 12 and 24 sums and logicalWords words; a record is 128
                    // bytes (hour counts at bytes 56–79, group sums at 80–127), a logical record
                    // 27 words (hours in words 9–14, groups in 15–26).
                    let logical = w.baseAddress!
                    for i in 0..<shard.count {
                        let r = shard.record(i)
                        if r[4] & ConsumerStorage.spillFlag != 0 {
                            shard.logical(i, into: logical)
                            t.transactions &+= Int64(bitPattern: logical[6])
                            t.netAmount &+= Int64(bitPattern: logical[1])
                            t.outsideNetAmount &+= Int64(bitPattern: logical[2])
                            for k in 0..<12 { g[k] &+= Int64(bitPattern: logical[15 + k]) }
                            let counts = UnsafeRawPointer(logical + 9)
                            for k in 0..<24 { h[k] &+= Int(counts.load(fromByteOffset: 2 * k, as: UInt16.self)) }
                            continue
                        }
                        let raw = UnsafeRawPointer(r)
                        t.transactions &+= Int64(UInt32(truncatingIfNeeded: r[4]))
                        t.outsideNetAmount &+= Int64(bitPattern: r[1])
                        var net: Int64 = 0
                        for k in 0..<12 {
                            let sum = Int64(raw.load(fromByteOffset: 80 + 4 * k, as: Int32.self))
                            g[k] &+= sum
                            net &+= sum
                        }
                        t.netAmount &+= net
                        for k in 0..<24 { h[k] &+= Int(raw.load(fromByteOffset: 56 + k, as: UInt8.self)) }
                    }
                }
            }
        }
        t.spendByGroup = Array(groups.prefix(t.spendByGroup.count))
        t.hourProfile = hours
        return t
    }
}
