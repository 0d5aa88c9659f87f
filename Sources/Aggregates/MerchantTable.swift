import CScanSupport

/// Merchant totals during a scan: open addressing over 64-byte entries (key and
/// totals in one cache line, key 0 = empty), so a lookup costs at most one cache
/// miss, and `prefetch` lets the caller hide it. Merchant keys are 64-bit id
/// hashes; a hash of exactly 0 is stored as 1.
final class MerchantTable: @unchecked Sendable {
    // @unchecked Sendable / @exclusivity(unchecked): one owner (a worker) at a time.
    struct Entry {
        var key: UInt64
        var totals: MerchantTotals
        // Pads the entry to exactly one 64-byte cache line (8 + 40 + 16), so with the
        // line-aligned table a lookup never straddles two lines.
        var padding0: UInt64 = 0
        var padding1: UInt64 = 0
    }

    @exclusivity(unchecked) private(set) var count = 0
    @exclusivity(unchecked) private var capacity: Int
    @exclusivity(unchecked) private var entries: UnsafeMutablePointer<Entry>

    init(initialCapacity: Int = 1 << 12) {
        var c = 16
        while c < initialCapacity { c <<= 1 }
        capacity = c
        entries = Self.allocate(c)
    }

    deinit { HugePageMemory.free(UnsafeMutableRawPointer(entries), bytes: capacity * MemoryLayout<Entry>.stride) }

    private static func allocate(_ n: Int) -> UnsafeMutablePointer<Entry> {
        // Zeroed memory is a valid table of empty entries (key 0).
        HugePageMemory.allocateZeroed(n * MemoryLayout<Entry>.stride).bindMemory(to: Entry.self, capacity: n)
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

    @inline(__always)
    func add(_ key: UInt64, amount: Int64, region: Int64, industry: UInt64) {
        let k = key == 0 ? 1 : key
        if (count + 1) * 2 > capacity { grow() }
        let mask = capacity - 1
        var i = Self.slot(k, mask: mask)
        while true {
            // Safe: i is masked to [0, capacity).
            let e = entries + i
            if e.pointee.key == k {
                e.pointee.totals.add(amount, region: region, industry: industry)
                return
            }
            if e.pointee.key == 0 {
                e.pointee.key = k
                e.pointee.totals = MerchantTotals()
                e.pointee.totals.add(amount, region: region, industry: industry)
                count += 1
                return
            }
            i = (i + 1) & mask
        }
    }

    func forEach(_ body: (UInt64, MerchantTotals) -> Void) {
        for i in 0..<capacity where entries[i].key != 0 { body(entries[i].key, entries[i].totals) }
    }

    private func grow() {
        let old = entries, oldCapacity = capacity
        capacity *= 2
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
