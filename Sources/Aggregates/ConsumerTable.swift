import CScanSupport

/// Per-consumer features of a scan: an open-addressing index (64-bit slots
/// holding a record number and a 32-bit key fingerprint) over densely stored,
/// paged fixed-size records. Memory: 216 bytes per consumer plus 16–32 bytes of
/// index, whatever the number of rows. Merges exactly (sums, min/max, bit unions,
/// saturating counts), so results do not depend on how the log was split.
///
/// The records live in one or more shards, disjoint by key: key `k` lives in shard
/// `shard(of: k, count: shards.count)`. A parallel scan builds one shard per worker
/// (its consumer partition) and hands them over as they are, so the end of a scan
/// copies no records. Iteration visits shard 0's records, then shard 1's, …, each
/// in insertion order.
///
/// A value type with copy-on-write storage.
public struct ConsumerTable: Sendable {
    var shards: [ConsumerStorage]

    public init() { shards = [ConsumerStorage()] }

    /// A table over the partitions of a parallel scan: `storages[p]` must hold exactly
    /// keys with `shard(of: key, count: storages.count) == p`.
    init(shards storages: [ConsumerStorage]) {
        precondition(!storages.isEmpty)
        shards = storages
    }

    /// The shard that holds `key` among `count`: 32 mixed bits scaled to [0, count) by
    /// a multiply and a shift (no division).
    @inline(__always)
    static func shard(of key: UInt64, count: Int) -> Int {
        Int(truncatingIfNeeded: (((key &* 0xD6E8_FEB8_6659_FD93) >> 32) &* UInt64(count)) >> 32)
    }

    /// Number of consumers.
    public var count: Int { shards.reduce(0) { $0 + $1.count } }

    /// The storage of shard `s`, copied first if another table shares it.
    private mutating func uniqueShard(_ s: Int) -> ConsumerStorage {
        if !isKnownUniquelyReferenced(&shards[s]) { shards[s] = shards[s].copy() }
        return shards[s]
    }

    /// Applies updates (the scan's hot loop), prefetching ahead. The table must have one
    /// shard (a consumer partition does).
    mutating func apply(_ updates: UnsafeBufferPointer<ConsumerUpdate>) {
        precondition(shards.count == 1, "updates go to a single-shard table")
        uniqueShard(0).apply(updates)
    }

    /// Merges `other` into `self`.
    public mutating func merge(_ other: ConsumerTable) {
        if shards.count == 1 && other.shards.count == 1 {
            uniqueShard(0).absorb(other.shards[0])
            return
        }
        let n = shards.count
        for s in 0..<n { _ = uniqueShard(s) }
        for theirs in other.shards {
            theirs.forEachRecord { r in
                shards[n == 1 ? 0 : Self.shard(of: r[0], count: n)].absorb(record: r)
            }
        }
    }

    /// Calls `body` with each consumer's raw record (shard by shard, in insertion order).
    func forEachRecord(_ body: (UnsafeMutablePointer<UInt64>) -> Void) {
        for shard in shards { shard.forEachRecord(body) }
    }

    /// Calls `body` with each consumer's features (in storage order).
    public func forEach(_ body: (ConsumerFeatures) -> Void) {
        forEachRecord { body(ConsumerStorage.features(of: $0)) }
    }

    /// The features of the consumer with id hash `key`.
    public func features(forKey key: UInt64) -> ConsumerFeatures? {
        let shard = shards[shards.count == 1 ? 0 : Self.shard(of: key, count: shards.count)]
        return shard.find(key).map { ConsumerStorage.features(of: shard.record($0)) }
    }

    /// All features sorted by key (for comparisons and stable output).
    public func sortedFeatures() -> [ConsumerFeatures] {
        var all: [ConsumerFeatures] = []
        all.reserveCapacity(count)
        forEach { all.append($0) }
        return all.sorted { $0.key < $1.key }
    }
}

extension ConsumerTable: Equatable {
    public static func == (a: ConsumerTable, b: ConsumerTable) -> Bool {
        guard a.count == b.count else { return false }
        var equal = true
        a.forEach { f in
            if equal && b.features(forKey: f.key) != f { equal = false }
        }
        return equal
    }
}

/// Raw storage of `ConsumerTable`. Record layout in 64-bit words:
/// 0 key, 1 net, 2 outside net, 3 first time, 4 last time, 5 home region, 6 count,
/// 7–8 division bitmap (bits 0–99), 9–14 hour counts (24 × UInt16), 15–26 spend by group (12 × Int64).
final class ConsumerStorage: @unchecked Sendable {
    // @unchecked Sendable: mutated only by its single owner (ConsumerTable is copy-on-write;
    // a parallel scan gives each partition its own table).
    static let words = 27
    /// Whether record pages use huge pages (zeroing a 2 MiB page at first touch is slow on some VMs).
    static let hugeRecordPages = false
    static let pageShift = 15  // 32,768 records × 216 bytes ≈ 6.8 MiB a page (huge-page backed)
    static let pageRecords = 1 << pageShift

    // @exclusivity(unchecked): touched on every update; one owner at a time (see above).
    @exclusivity(unchecked) private(set) var count = 0
    @exclusivity(unchecked) private var slots: UnsafeMutablePointer<UInt64>
    @exclusivity(unchecked) private var slotCapacity: Int
    @exclusivity(unchecked) private var pages: [UnsafeMutablePointer<UInt64>] = []

    init(slotCapacity: Int = 1 << 12) {
        self.slotCapacity = slotCapacity
        slots = Self.allocateWords(slotCapacity)
    }

    deinit {
        HugePageMemory.free(UnsafeMutableRawPointer(slots), bytes: slotCapacity * 8)
        for page in pages { HugePageMemory.free(UnsafeMutableRawPointer(page), bytes: Self.pageRecords * Self.words * 8) }
    }

    /// Zeroed, huge-page-backed words.
    static func allocateWords(_ n: Int, hugePages: Bool = true) -> UnsafeMutablePointer<UInt64> {
        HugePageMemory.allocateZeroed(n * 8, hugePages: hugePages).bindMemory(to: UInt64.self, capacity: n)
    }

    func copy() -> ConsumerStorage {
        let c = ConsumerStorage(slotCapacity: slotCapacity)
        c.slots.update(from: slots, count: slotCapacity)  // c.slots has the same capacity
        c.count = count
        for page in pages {
            let p = Self.allocateWords(Self.pageRecords * Self.words)
            p.update(from: page, count: Self.pageRecords * Self.words)
            c.pages.append(p)
        }
        return c
    }

    @inline(__always)
    func record(_ index: Int) -> UnsafeMutablePointer<UInt64> {
        // Safe: index < count ≤ pages.count · pageRecords.
        pages[index >> Self.pageShift] + (index & (Self.pageRecords - 1)) * Self.words
    }

    @inline(__always)
    static func mix(_ key: UInt64) -> UInt64 {
        var h = key &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 31
        return h
    }

    /// The slot index where `key` lives or would be inserted.
    @inline(__always)
    private func probe(_ key: UInt64) -> (slot: Int, found: Bool) {
        let h = Self.mix(key)
        let fingerprint = (h >> 32) | 1
        let mask = slotCapacity - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = slots[i]
            if s == 0 { return (i, false) }
            if (s >> 32) == fingerprint && record(Int(s & 0xFFFF_FFFF))[0] == key { return (i, true) }
            i = (i + 1) & mask
        }
    }

    func find(_ key: UInt64) -> Int? {
        let (slot, found) = probe(key)
        return found ? Int(slots[slot] & 0xFFFF_FFFF) : nil
    }

    /// The record index for `key`, inserting an empty record if absent.
    @inline(__always)
    private func findOrInsert(_ key: UInt64) -> Int {
        if (count + 1) * 2 > slotCapacity { growSlots() }
        let (slot, found) = probe(key)
        if found { return Int(slots[slot] & 0xFFFF_FFFF) }
        let index = count
        if index >> Self.pageShift >= pages.count {
            pages.append(Self.allocateWords(Self.pageRecords * Self.words, hugePages: Self.hugeRecordPages))
        }
        let r = record(index)
        r.initialize(repeating: 0, count: Self.words)
        r[0] = key
        r[3] = UInt64(bitPattern: Int64.max)
        r[4] = UInt64(bitPattern: Int64.min)
        r[5] = UInt64(bitPattern: Int64.max)
        count += 1
        slots[slot] = ((Self.mix(key) >> 32) | 1) << 32 | UInt64(index)
        return index
    }

    private func growSlots() {
        let old = slots, oldCapacity = slotCapacity
        slotCapacity *= 2
        slots = Self.allocateWords(slotCapacity)
        let mask = slotCapacity - 1
        for j in 0..<oldCapacity where old[j] != 0 {
            let key = record(Int(old[j] & 0xFFFF_FFFF))[0]
            var i = Int(truncatingIfNeeded: Self.mix(key)) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = old[j]
        }
        HugePageMemory.free(UnsafeMutableRawPointer(old), bytes: oldCapacity * 8)
    }

    /// Updates ahead of the one being applied whose index slot is prefetched, and whose
    /// record is prefetched (its slot is cached by then). Measured on the 2-core VM with a
    /// stand-alone loop (Benchmarks/experiments/consumer_apply.swift): 32/16 → 48/24 and
    /// reusing the record found at the prefetch took an update from 58 to 53 ns.
    static let slotLead = 48, recordLead = 24

    func apply(_ updates: UnsafeBufferPointer<ConsumerUpdate>) {
        let n = updates.count
        // The record each prefetch found (by fingerprint, −1 when none), by update index mod 64:
        // the apply reuses it after checking the key instead of probing again.
        var found = (Int(-1), Int(-1), Int(-1), Int(-1), Int(-1), Int(-1), Int(-1), Int(-1),
                     Int(-1), Int(-1), Int(-1), Int(-1), Int(-1), Int(-1), Int(-1), Int(-1),
                     Int(-1), Int(-1), Int(-1), Int(-1), Int(-1), Int(-1), Int(-1), Int(-1),
                     Int(-1), Int(-1), Int(-1), Int(-1), Int(-1), Int(-1), Int(-1), Int(-1),
                     Int(-1), Int(-1), Int(-1), Int(-1), Int(-1), Int(-1), Int(-1), Int(-1),
                     Int(-1), Int(-1), Int(-1), Int(-1), Int(-1), Int(-1), Int(-1), Int(-1),
                     Int(-1), Int(-1), Int(-1), Int(-1), Int(-1), Int(-1), Int(-1), Int(-1),
                     Int(-1), Int(-1), Int(-1), Int(-1), Int(-1), Int(-1), Int(-1), Int(-1))
        withUnsafeMutableBytes(of: &found) { raw in
            let ring = raw.bindMemory(to: Int.self)
            for k in 0..<n {
                // Two-stage software prefetch: the index slot, then the record (its slot is cached
                // by then). Records are scattered, so without this every update waits on a DRAM miss.
                if k + Self.slotLead < n {
                    let h = Self.mix(updates[k + Self.slotLead].key)
                    lci_prefetch_read(slots + (Int(truncatingIfNeeded: h) & (slotCapacity - 1)))
                }
                if k + Self.recordLead < n {
                    // Safe: the ring has 64 entries and the index is taken mod 64; the lead (24) is
                    // below 64, so an entry is read before it is overwritten.
                    ring[(k + Self.recordLead) & 63] = prefetchRecord(updates[k + Self.recordLead].key)
                }
                let u = updates[k]
                let index = ring[k & 63]
                // The prefetch matched a fingerprint only; the key decides (else a full probe).
                if index >= 0 && record(index)[0] == u.key {
                    Self.add(u, to: record(index))
                } else {
                    Self.add(u, to: record(findOrInsert(u.key)))
                }
            }
        }
    }

    /// Prefetches the record of `key` if its slot is found within a few probes (no key
    /// compare), and returns that record's index (−1 when none was found).
    @inline(__always)
    private func prefetchRecord(_ key: UInt64) -> Int {
        let h = Self.mix(key)
        let fingerprint = (h >> 32) | 1
        let mask = slotCapacity - 1
        var i = Int(truncatingIfNeeded: h) & mask
        for _ in 0..<4 {
            let s = slots[i]
            if s == 0 { return -1 }
            if (s >> 32) == fingerprint {
                let index = Int(s & 0xFFFF_FFFF)
                let r = record(index)
                // A record is 216 bytes: four cache lines at most.
                lci_prefetch_write(r)
                lci_prefetch_write(r + 8)
                lci_prefetch_write(r + 16)
                lci_prefetch_write(r + 26)
                return index
            }
            i = (i + 1) & mask
        }
        return -1
    }

    @inline(__always)
    static func add(_ u: ConsumerUpdate, to r: UnsafeMutablePointer<UInt64>) {
        r[1] = UInt64(bitPattern: Int64(bitPattern: r[1]) &+ u.amount)
        if u.outside { r[2] = UInt64(bitPattern: Int64(bitPattern: r[2]) &+ u.amount) }
        let first = Int64(bitPattern: r[3])
        if u.time < first || (u.time == first && u.home < Int64(bitPattern: r[5])) {
            r[3] = UInt64(bitPattern: u.time)
            r[5] = UInt64(bitPattern: u.home)
        }
        if u.time > Int64(bitPattern: r[4]) { r[4] = UInt64(bitPattern: u.time) }
        r[6] &+= 1
        if u.division < 100 { r[7 + Int(u.division >> 6)] |= 1 << UInt64(u.division & 63) }
        UnsafeMutableRawPointer(r + 9).withMemoryRebound(to: UInt16.self, capacity: 24) { hours in
            let h = Int(u.hour)
            if hours[h] != UInt16.max { hours[h] &+= 1 }
        }
        r[15 + Int(u.group)] = UInt64(bitPattern: Int64(bitPattern: r[15 + Int(u.group)]) &+ u.amount)
    }

    /// Merges the records of `other` (exact: sums, min/max, unions, saturating counts).
    func absorb(_ other: ConsumerStorage) {
        other.forEachRecord { absorb(record: $0) }
    }

    /// Merges one stored record (`words` words) into this storage's record with the same key.
    func absorb(record o: UnsafeMutablePointer<UInt64>) {
        let r = record(findOrInsert(o[0]))
        r[1] = UInt64(bitPattern: Int64(bitPattern: r[1]) &+ Int64(bitPattern: o[1]))
        r[2] = UInt64(bitPattern: Int64(bitPattern: r[2]) &+ Int64(bitPattern: o[2]))
        let (t, home) = (Int64(bitPattern: o[3]), Int64(bitPattern: o[5]))
        let first = Int64(bitPattern: r[3])
        if t < first || (t == first && home < Int64(bitPattern: r[5])) {
            r[3] = o[3]
            r[5] = o[5]
        }
        if Int64(bitPattern: o[4]) > Int64(bitPattern: r[4]) { r[4] = o[4] }
        r[6] &+= o[6]
        r[7] |= o[7]
        r[8] |= o[8]
        UnsafeMutableRawPointer(r + 9).withMemoryRebound(to: UInt16.self, capacity: 24) { mine in
            UnsafeMutableRawPointer(o + 9).withMemoryRebound(to: UInt16.self, capacity: 24) { theirs in
                for h in 0..<24 {
                    let (sum, overflow) = mine[h].addingReportingOverflow(theirs[h])
                    mine[h] = overflow ? UInt16.max : sum
                }
            }
        }
        for g in 15..<27 { r[g] = UInt64(bitPattern: Int64(bitPattern: r[g]) &+ Int64(bitPattern: o[g])) }
    }

    /// Inserts a whole record as read from a state file (key must be new).
    func insertRaw(_ words: UnsafePointer<UInt64>) -> Bool {
        if find(words[0]) != nil { return false }
        let r = record(findOrInsert(words[0]))
        r.update(from: words, count: Self.words)
        return true
    }

    func forEachRecord(_ body: (UnsafeMutablePointer<UInt64>) -> Void) {
        for i in 0..<count { body(record(i)) }
    }

    static func features(of r: UnsafeMutablePointer<UInt64>) -> ConsumerFeatures {
        var hours = [Int](repeating: 0, count: 24)
        UnsafeMutableRawPointer(r + 9).withMemoryRebound(to: UInt16.self, capacity: 24) { h in
            for k in 0..<24 { hours[k] = Int(h[k]) }
        }
        return ConsumerFeatures(
            key: r[0], transactions: Int64(bitPattern: r[6]), netAmount: Int64(bitPattern: r[1]),
            outsideNetAmount: Int64(bitPattern: r[2]), firstTime: Int64(bitPattern: r[3]),
            lastTime: Int64(bitPattern: r[4]), homeRegion: Int64(bitPattern: r[5]),
            distinctDivisions: r[7].nonzeroBitCount + r[8].nonzeroBitCount, hourProfile: hours,
            spendByGroup: (15..<27).map { Int64(bitPattern: r[$0]) })
    }
}
