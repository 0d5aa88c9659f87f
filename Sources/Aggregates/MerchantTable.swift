import CScanSupport

/// Merchant totals during a scan: open addressing over 32-byte entries (two per
/// cache line, key 0 = empty, load ≤ 3/8 up to 32 MiB, ≤ 3/4 beyond; `growthPoint`), so
/// 80,000 merchants take 8 MiB per worker and a lookup almost always costs one cache
/// miss, which `prefetch` lets the caller hide. Merchant keys are 64-bit id hashes; a hash of exactly 0 is stored as 1.
///
/// An entry keeps its counts in 32 bits and its (region, industry) as an index into
/// a small table of distinct pairs, to fit in 32 bytes; it stays exact: a count about
/// to pass 2³² − 1 moves the entry's sums to `spilled` first (never in practice, but
/// always correct), and `forEach` reports the sum of both.
final class MerchantTable: @unchecked Sendable {
    // @unchecked Sendable / @exclusivity(unchecked): one owner (a worker) at a time.
    struct Entry {
        var key: UInt64
        /// Net won.
        var netAmount: Int64
        var count: UInt32
        var cancellations: UInt32
        /// Index into `pairs` of the smallest (region, industry) seen.
        var pair: UInt32
        var padding: UInt32
    }

    @exclusivity(unchecked) private(set) var count = 0
    @exclusivity(unchecked) private var capacity: Int
    /// The count at which the next insert grows the table (load ≤ 3/4; capacity ≥ 16, a power of two).
    @exclusivity(unchecked) private var growAt: Int
    @exclusivity(unchecked) private var entries: UnsafeMutablePointer<Entry>
    /// Distinct (region, industry) pairs, and their indices.
    @exclusivity(unchecked) private var pairs: [(region: Int64, industry: UInt64)] = []
    @exclusivity(unchecked) private var pairIndex: [PairKey: UInt32] = [:]
    /// Totals moved out of entries whose 32-bit counts were about to overflow.
    @exclusivity(unchecked) private var spilled: [UInt64: MerchantTotals] = [:]

    struct PairKey: Hashable {
        var region: Int64
        var industry: UInt64
    }

    /// The count at which an entry spills (2³² − 1; tests use small values).
    let countLimit: UInt32

    init(initialCapacity: Int = 1 << 12, countLimit: UInt32 = .max) {
        self.countLimit = countLimit
        var c = 16
        while c < initialCapacity { c <<= 1 }
        capacity = c
        growAt = Self.growthPoint(capacity: c)
        entries = Self.allocate(c)
    }

    deinit { HugePageMemory.free(UnsafeMutableRawPointer(entries), bytes: capacity * MemoryLayout<Entry>.stride) }

    private static func allocate(_ n: Int) -> UnsafeMutablePointer<Entry> {
        // Zeroed memory is a valid table of empty entries (key 0).
        HugePageMemory.allocateZeroed(n * MemoryLayout<Entry>.stride).bindMemory(to: Entry.self, capacity: n)
    }

    /// Entries up to which the load stays ≤ 3/8 (32 MiB); larger tables fill to 3/4.
    static let sparseUpTo = 1 << 20

    /// The count at which a table of `capacity` entries grows: 3/8 of it while it is at most
    /// `sparseUpTo` entries, 3/4 beyond. At 3/4 (a 4 MiB table for 80,000 merchants, load
    /// 0.61) a key sat past its home slot often enough that the probe loop's exit was
    /// mispredicted 0.68 times a row (cachegrind's branch model) and a third of those probes
    /// crossed into a line the prefetch had not fetched; at 3/8 (8 MiB, load 0.31) the scan of
    /// the 32 M-row log took 5.30–5.31 s of user CPU against 5.64–5.86 s (best of 5–7
    /// alternating runs). In a C loop over 80,000 random keys with the same prefetch, an update
    /// cost 14–15 ns at load 0.61, 9 ns at 0.31 and 4–6 ns at 0.15.
    static func growthPoint(capacity: Int) -> Int {
        capacity <= sparseUpTo ? capacity / 8 * 3 : capacity / 4 * 3
    }

    @inline(__always)
    static func slot(_ key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    /// Hints the cache line of `key`'s home slot.
    @inline(__always)
    func prefetch(_ key: UInt64) {
        lci_prefetch_write(entries + Self.slot(key == 0 ? 1 : key, mask: capacity - 1))
    }

    /// The index of a (region, industry) pair, adding it if new.
    private func intern(region: Int64, industry: UInt64) -> UInt32 {
        let key = PairKey(region: region, industry: industry)
        if let i = pairIndex[key] { return i }
        let i = UInt32(pairs.count)
        pairs.append((region, industry))
        pairIndex[key] = i
        return i
    }

    @inline(__always)
    func add(_ key: UInt64, amount: Int64, region: Int64, industry: UInt64) {
        let k = key == 0 ? 1 : key
        if count >= growAt { grow() }
        let mask = capacity - 1
        var i = Self.slot(k, mask: mask)
        while true {
            // Safe: i is masked to [0, capacity).
            let e = entries + i
            if e.pointee.key == k {
                if e.pointee.count >= countLimit { spill(e) }
                e.pointee.netAmount &+= amount
                e.pointee.count &+= 1
                if amount < 0 { e.pointee.cancellations &+= 1 }
                // Safe: an entry's pair index is always < pairs.count.
                let p = pairs[Int(e.pointee.pair)]
                if p.region != region || p.industry != industry, (region, industry) < (p.region, p.industry) {
                    e.pointee.pair = intern(region: region, industry: industry)
                }
                return
            }
            if e.pointee.key == 0 {
                e.pointee = Entry(key: k, netAmount: amount, count: 1, cancellations: amount < 0 ? 1 : 0,
                                  pair: intern(region: region, industry: industry), padding: 0)
                count += 1
                return
            }
            i = (i + 1) & mask
        }
    }

    /// Adds every merchant of `other` (exact, like adding its rows here): after a parallel scan
    /// the workers' tables are merged here, in open addressing over memory already touched,
    /// so the result's dictionary is built once, from distinct merchants (see
    /// `ChunkAccumulator.drain`).
    func absorb(_ other: MerchantTable) {
        other.forEach { key, totals in absorb(key, totals) }
    }

    private func absorb(_ key: UInt64, _ t: MerchantTotals) {
        let k = key == 0 ? 1 : key
        if count >= growAt { grow() }
        let mask = capacity - 1
        var i = Self.slot(k, mask: mask)
        // Safe: i is masked to [0, capacity).
        while entries[i].key != k && entries[i].key != 0 { i = (i + 1) & mask }
        let e = entries + i
        if e.pointee.key == 0 {
            e.pointee = Entry(key: k, netAmount: 0, count: 0, cancellations: 0,
                              pair: intern(region: t.region, industry: t.industry), padding: 0)
            count += 1
        } else {
            // Safe: an entry's pair index is always < pairs.count.
            let p = pairs[Int(e.pointee.pair)]
            if (t.region, t.industry) < (p.region, p.industry) { e.pointee.pair = intern(region: t.region, industry: t.industry) }
        }
        // Counts that would pass the limit go to `spilled` with the entry's, exactly as `add` would.
        let room = Int64(countLimit) - Int64(e.pointee.count)
        if t.count < room && t.cancellations < room {
            e.pointee.netAmount &+= t.netAmount
            e.pointee.count &+= UInt32(t.count)
            e.pointee.cancellations &+= UInt32(t.cancellations)
        } else {
            spill(e)
            var moved = t
            moved.region = Int64.max
            moved.industry = UInt64.max
            spilled[k, default: MerchantTotals()] += moved
        }
    }

    /// Moves an entry's sums to `spilled` (its pair stays).
    private func spill(_ e: UnsafeMutablePointer<Entry>) {
        var moved = MerchantTotals()
        moved.netAmount = e.pointee.netAmount
        moved.count = Int64(e.pointee.count)
        moved.cancellations = Int64(e.pointee.cancellations)
        spilled[e.pointee.key, default: MerchantTotals()] = spilled[e.pointee.key, default: MerchantTotals()] + moved
        e.pointee.netAmount = 0
        e.pointee.count = 0
        e.pointee.cancellations = 0
    }

    func forEach(_ body: (UInt64, MerchantTotals) -> Void) {
        for i in 0..<capacity where entries[i].key != 0 {
            let e = entries[i]
            var totals = MerchantTotals()
            totals.netAmount = e.netAmount
            totals.count = Int64(e.count)
            totals.cancellations = Int64(e.cancellations)
            let p = pairs[Int(e.pair)]
            totals.region = p.region
            totals.industry = p.industry
            if !spilled.isEmpty, let more = spilled[e.key] { totals = totals + more }  // no hash when none spilled
            body(e.key, totals)
        }
    }

    private func grow() {
        let old = entries, oldCapacity = capacity
        capacity *= 2
        growAt = Self.growthPoint(capacity: capacity)
        entries = Self.allocate(capacity)
        let mask = capacity - 1
        for j in 0..<oldCapacity where old[j].key != 0 {
            var i = Self.slot(old[j].key, mask: mask)
            while entries[i].key != 0 { i = (i + 1) & mask }
            entries[i] = old[j]
        }
        HugePageMemory.free(UnsafeMutableRawPointer(old), bytes: oldCapacity * MemoryLayout<Entry>.stride)
    }
}
