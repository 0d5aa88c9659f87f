import CScanSupport
import TransactionIO

/// One worker's aggregates during a parallel scan: spending, flows and
/// merchants in private hash tables, and consumer updates sorted into one
/// outbox per consumer partition (applied in a consumer phase once enough of
/// them wait; see `ConsumerPartition`).
final class ChunkAccumulator: @unchecked Sendable {
    // @unchecked Sendable: each accumulator is used by one worker at a time; the
    // scan's phases are separated by the barrier of concurrentPerform.
    /// Spending (merchant region × industry × month) and flows (consumer region × merchant
    /// region × month) by dense ids in cubes; rows whose cell would make a cube too large
    /// (a log with very many distinct regions, codes or months) go to the hash tables.
    let regionIDs = IDMap(), industryIDs = IDMap(), monthIDs = IDMap()
    let spendingCube: SpendCube, flowCube: SpendCube
    let spending = FlatHashTable<SpendCell>(initialCapacity: 64, initial: SpendCell())
    let flows = FlatHashTable<SpendCell>(initialCapacity: 64, initial: SpendCell())
    let merchants = MerchantTable(initialCapacity: 1 << 12)
    /// One outbox per consumer partition (boxes, so different partitions can be flushed
    /// concurrently without touching a shared array).
    let outboxes: [ConsumerOutbox]
    let partitions: Int

    /// Per partition, the last few updates (`stageSize`, 192 bytes, line-aligned), written to
    /// the partition's outbox eight at a time with non-temporal stores: the outbox's lines
    /// are then written without being read first (with 128 outboxes, the line an update
    /// goes to is never in cache), and do not push the tables out of the cache.
    let staged: UnsafeMutablePointer<PackedConsumerUpdate>
    let stagedCounts: UnsafeMutablePointer<Int>
    static let stageSize = 8

    /// `cubeCells` bounds each cube (tests make it small to send rows to the hash tables).
    init(partitions: Int, cubeCells: Int = 1 << 18) {
        self.partitions = partitions
        spendingCube = SpendCube(maxCells: cubeCells)
        flowCube = SpendCube(maxCells: cubeCells)
        outboxes = (0..<partitions).map { _ in ConsumerOutbox() }
        staged = UnsafeMutableRawPointer.allocate(
            byteCount: partitions * Self.stageSize * MemoryLayout<PackedConsumerUpdate>.stride, alignment: 64)
            .bindMemory(to: PackedConsumerUpdate.self, capacity: partitions * Self.stageSize)
        stagedCounts = .allocate(capacity: partitions)
        stagedCounts.initialize(repeating: 0, count: partitions)
    }

    deinit {
        staged.deallocate()
        stagedCounts.deallocate()
    }

    /// Updates waiting for partition `p` here (in its outbox and its stage).
    func waiting(for p: Int) -> Int { outboxes[p].waiting + stagedCounts[p] }

    /// Applies the updates waiting here for partition `p` to `table`, and forgets them.
    func applyWaiting(for p: Int, to table: inout ConsumerTable) {
        table.apply(outboxes[p])
        let n = stagedCounts[p]
        if n > 0 {
            // Safe: stage p holds n ≤ stageSize updates at staged + p · stageSize.
            table.apply(UnsafeBufferPointer(start: staged + p &* Self.stageSize, count: n))
            stagedCounts[p] = 0
        }
    }

    /// Per industry id: the KSIC division (0–99, 100 for none) and its `SpendingGroup`, packed
    /// as division << 8 | group, filled as ids are first asked for (`unclassified` until then:
    /// an id may first appear on a row without a consumer, which does not ask).
    @exclusivity(unchecked) private var industryClass: [UInt16] = []
    private static let unclassified = UInt16.max

    @inline(__always)
    private func industryClass(id: Int, code: IndustryCode) -> UInt16 {
        if id < industryClass.count && industryClass[id] != Self.unclassified { return industryClass[id] }
        while industryClass.count <= id { industryClass.append(Self.unclassified) }
        let division = SpendingGroup.division(of: code) ?? 100
        industryClass[id] = UInt16(division) << 8 | UInt16(SpendingGroup.byDivision[division])
        return industryClass[id]
    }

    /// Adds a batch of accepted rows.
    func add(_ batch: TransactionBatch) {
        let n = batch.count
        batch.withColumns { c in
            let month = c.month, hour = c.hour, time = c.time, consumerRegion = c.consumerRegion
            let merchantRegion = c.merchantRegion, industry = c.industry, amount = c.netAmount
            let consumerKey = c.consumerKey, merchantKey = c.merchantKey
            // Safe: every column of a batch has `n` elements (TransactionBatch.append adds to all).
            // Outboxes get room for the whole batch first, so the loop writes through raw pointers.
            let parts = partitions
            let cursors = UnsafeMutablePointer<Int>.allocate(capacity: parts)
            let bases = UnsafeMutablePointer<UnsafeMutablePointer<PackedConsumerUpdate>>.allocate(capacity: parts)
            defer {
                cursors.deallocate()
                bases.deallocate()
            }
            cursors.initialize(repeating: 0, count: parts)
            // Room for the batch and what waits in the stage (at most stageSize − 1).
            for p in 0..<parts { (bases + p).initialize(to: outboxes[p].reserve(n &+ Self.stageSize)) }
            let staged = self.staged, stagedCounts = self.stagedCounts, stageSize = Self.stageSize
            let ahead = 8
            for k in 0..<n {
                if k + ahead < n && merchantKey[k + ahead] != 0 { merchants.prefetch(merchantKey[k + ahead]) }
                let a = amount[k]
                let m = UInt64(UInt32(bitPattern: month[k]))
                let region = merchantRegion[k]
                let code = industry[k]
                let merchantRegionID = regionIDs.id(UInt64(bitPattern: region))
                // Most rows are spent in the consumer's own region (the point of a local currency).
                let consumerRegionID = consumerRegion[k] == region ? merchantRegionID : regionIDs.id(UInt64(bitPattern: consumerRegion[k]))
                let monthID = monthIDs.id(m)
                let industryID = industryIDs.id(code.packed)
                if !spendingCube.add(a, x: merchantRegionID, y: industryID, z: monthID) {
                    spending.withValue(Key3(a: code.packed, b: UInt64(bitPattern: region), c: m)) { $0.add(a) }
                }
                if !flowCube.add(a, x: consumerRegionID, y: merchantRegionID, z: monthID) {
                    flows.withValue(Key3(a: UInt64(bitPattern: consumerRegion[k]), b: UInt64(bitPattern: region), c: m)) { $0.add(a) }
                }
                let mk = merchantKey[k]
                if mk != 0 { merchants.add(mk, amount: a, region: region, industry: code.packed) }
                let ck = consumerKey[k]
                if ck != 0 {
                    let industryKind = industryClass(id: industryID, code: code)
                    let p = parts == 1 ? 0 : ConsumerTable.shard(of: ck, count: parts)
                    let update = ConsumerUpdate(
                        key: ck, amount: a, time: time[k], home: consumerRegion[k], hour: hour[k],
                        group: UInt8(truncatingIfNeeded: industryKind), division: UInt8(truncatingIfNeeded: industryKind >> 8),
                        outside: consumerRegion[k] != region)
                    if let packed = PackedConsumerUpdate(update) {
                        // Safe: stage p has stageSize entries and slot < stageSize; a full stage goes
                        // to the outbox at a multiple of stageSize updates (192 bytes, so 16-byte
                        // aligned in its line-aligned storage), inside the room reserved above.
                        let slot = stagedCounts[p]
                        let stage = staged + p &* stageSize
                        (stage + slot).initialize(to: packed)
                        if slot == stageSize &- 1 {
                            lci_stream_192(bases[p] + cursors[p], stage)
                            cursors[p] &+= stageSize
                            stagedCounts[p] = 0
                        } else {
                            stagedCounts[p] = slot &+ 1
                        }
                    } else {
                        outboxes[p].wide.append(update)
                    }
                }
            }
            for p in 0..<parts { outboxes[p].commit(cursors[p]) }
            // The outboxes are read by the workers that flush their partitions, after the barrier.
            lci_store_fence()
        }
    }

    /// Moves the spending, flows and merchants into `aggregates`.
    func drain(into aggregates: inout ScanAggregates) {
        Self.drain([self], into: &aggregates)
    }

    /// Moves the spending, flows and merchants of every accumulator into `aggregates` (once, on
    /// one thread, after the parallel scan). The merchants of all workers are first merged
    /// into the first worker's table, so the dictionary is reserved once for the distinct
    /// merchants and each is inserted once: building it from every worker's table, each
    /// reserved on its own, rehashed the first worker's merchants and touched 12 MB of fresh
    /// pages (32 M-row log, temporary timers: 41–71 ms before, 21–43 ms after, most of it the
    /// dictionary's own inserts and first-touch page faults). Cells and merchants are added in
    /// place (`+=` through the default subscript: one hash lookup, not a read and a write).
    static func drain(_ accumulators: [ChunkAccumulator], into aggregates: inout ScanAggregates) {
        guard let first = accumulators.first else { return }
        for a in accumulators.dropFirst() { first.merchants.absorb(a.merchants) }
        aggregates.merchants.reserveCapacity(aggregates.merchants.count + first.merchants.count)
        first.merchants.forEach { key, totals in
            aggregates.merchants[key, default: MerchantTotals()] += totals
        }
        for a in accumulators {
            let regions = a.regionIDs.values, industries = a.industryIDs.values, months = a.monthIDs.values
            a.spendingCube.forEach { r, i, m, cell in
                let k = RegionIndustryMonth(merchantRegion: Int64(bitPattern: regions[r]), industry: IndustryCode(packed: industries[i]),
                                            month: Int32(truncatingIfNeeded: months[m]))
                aggregates.spending[k, default: SpendCell()] += cell
            }
            a.flowCube.forEach { c, r, m, cell in
                let k = RegionFlowMonth(consumerRegion: Int64(bitPattern: regions[c]), merchantRegion: Int64(bitPattern: regions[r]),
                                        month: Int32(truncatingIfNeeded: months[m]))
                aggregates.flows[k, default: SpendCell()] += cell
            }
            a.spending.forEach { key, cell in
                let k = RegionIndustryMonth(merchantRegion: Int64(bitPattern: key.b), industry: IndustryCode(packed: key.a),
                                            month: Int32(truncatingIfNeeded: key.c))
                aggregates.spending[k, default: SpendCell()] += cell
            }
            a.flows.forEach { key, cell in
                let k = RegionFlowMonth(consumerRegion: Int64(bitPattern: key.a), merchantRegion: Int64(bitPattern: key.b),
                                        month: Int32(truncatingIfNeeded: key.c))
                aggregates.flows[k, default: SpendCell()] += cell
            }
        }
    }
}
