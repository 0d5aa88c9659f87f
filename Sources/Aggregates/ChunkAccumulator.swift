import TransactionIO

/// One worker's aggregates during a parallel scan: spending, flows and
/// merchants in private hash tables, and consumer updates sorted into one
/// outbox per consumer partition (applied by the partition's owner).
final class ChunkAccumulator: @unchecked Sendable {
    // @unchecked Sendable: each accumulator is used by one worker at a time; the
    // scan's phases are separated by the barrier of concurrentPerform.
    let spending = FlatHashTable<SpendCell>(initialCapacity: 4096, initial: SpendCell())
    let flows = FlatHashTable<SpendCell>(initialCapacity: 1024, initial: SpendCell())
    let merchants = FlatHashTable<MerchantTotals>(initialCapacity: 1 << 16, initial: MerchantTotals())
    /// One outbox per consumer partition (boxes, so different partitions' owners can
    /// drain them concurrently without touching a shared array).
    let outboxes: [ConsumerOutbox]
    let partitions: Int

    init(partitions: Int) {
        self.partitions = partitions
        outboxes = (0..<partitions).map { _ in ConsumerOutbox() }
    }

    /// The partition that owns a consumer key.
    @inline(__always)
    static func partition(of key: UInt64, count: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0xD6E8_FEB8_6659_FD93) >> 40) % count
    }

    /// Adds a batch of accepted rows.
    func add(_ batch: TransactionBatch) {
        let n = batch.count
        let groups = SpendingGroup.byDivision
        batch.month.withUnsafeBufferPointer { month in
        batch.hour.withUnsafeBufferPointer { hour in
        batch.time.withUnsafeBufferPointer { time in
        batch.consumerRegion.withUnsafeBufferPointer { consumerRegion in
        batch.merchantRegion.withUnsafeBufferPointer { merchantRegion in
        batch.industry.withUnsafeBufferPointer { industry in
        batch.netAmount.withUnsafeBufferPointer { amount in
        batch.consumerKey.withUnsafeBufferPointer { consumerKey in
        batch.merchantKey.withUnsafeBufferPointer { merchantKey in
            // Safe: every column of a batch has `n` elements (TransactionBatch.append adds to all).
            for k in 0..<n {
                let a = amount[k]
                let m = UInt64(UInt32(bitPattern: month[k]))
                let region = merchantRegion[k]
                let code = industry[k]
                spending.withValue(Key3(a: code.packed, b: UInt64(bitPattern: region), c: m)) { $0.add(a) }
                flows.withValue(Key3(a: UInt64(bitPattern: consumerRegion[k]), b: UInt64(bitPattern: region), c: m)) { $0.add(a) }
                let mk = merchantKey[k]
                if mk != 0 {
                    merchants.withValue(Key3(a: mk, b: 0, c: 0)) { $0.add(a, region: region, industry: code.packed) }
                }
                let ck = consumerKey[k]
                if ck != 0 {
                    let division = SpendingGroup.division(of: code) ?? 100
                    let p = partitions == 1 ? 0 : Self.partition(of: ck, count: partitions)
                    outboxes[p].updates.append(ConsumerUpdate(
                        key: ck, amount: a, time: time[k], home: consumerRegion[k], hour: hour[k],
                        group: groups[division], division: UInt8(division), outside: consumerRegion[k] != region))
                }
            }
        }}}}}}}}}
    }

    /// Moves the spending, flows and merchants into `aggregates`.
    func drain(into aggregates: inout ScanAggregates) {
        spending.forEach { key, cell in
            let k = RegionIndustryMonth(merchantRegion: Int64(bitPattern: key.b), industry: IndustryCode(packed: key.a),
                                        month: Int32(truncatingIfNeeded: key.c))
            aggregates.spending[k, default: SpendCell()] = aggregates.spending[k, default: SpendCell()] + cell
        }
        flows.forEach { key, cell in
            let k = RegionFlowMonth(consumerRegion: Int64(bitPattern: key.a), merchantRegion: Int64(bitPattern: key.b),
                                    month: Int32(truncatingIfNeeded: key.c))
            aggregates.flows[k, default: SpendCell()] = aggregates.flows[k, default: SpendCell()] + cell
        }
        merchants.forEach { key, totals in
            aggregates.merchants[key.a, default: MerchantTotals()] = aggregates.merchants[key.a, default: MerchantTotals()] + totals
        }
    }
}
