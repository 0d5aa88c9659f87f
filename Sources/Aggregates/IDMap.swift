/// Dense ids 0, 1, 2, … for the few distinct values of a column (regions, industry
/// codes, months), so aggregation cells can be addressed by index instead of
/// hashed. Open addressing (linear probing; load ≤ 1/8 up to `sparseUpTo` slots, ≤ 1/2
/// beyond) over 64-bit values; with a handful of values the first probe almost always
/// hits, so the lookup is a multiply, a load and a well-predicted compare. One owner (a worker).
final class IDMap: @unchecked Sendable {
    // @unchecked Sendable / @exclusivity(unchecked): one owner at a time.
    @exclusivity(unchecked) private var keys: UnsafeMutablePointer<UInt64>
    /// id + 1 per slot (0 = empty).
    @exclusivity(unchecked) private var ids: UnsafeMutablePointer<UInt32>
    @exclusivity(unchecked) private var shift: UInt64
    @exclusivity(unchecked) private var capacity: Int
    /// Capacity below which the load stays ≤ 1/8 (above it ≤ 1/2: a log with very many
    /// distinct values should not pay 8 slots for each).
    static let sparseUpTo = 4096
    /// The value of each id.
    @exclusivity(unchecked) private(set) var values: [UInt64] = []

    init() {
        capacity = 64
        shift = 64 - 6
        keys = .allocate(capacity: capacity)
        ids = .allocate(capacity: capacity)
        ids.initialize(repeating: 0, count: capacity)
    }

    deinit {
        keys.deallocate()
        ids.deallocate()
    }

    var count: Int { values.count }

    /// An independent map with the same ids.
    func copy() -> IDMap {
        let c = IDMap()
        c.keys.deallocate()
        c.ids.deallocate()
        c.capacity = capacity
        c.shift = shift
        c.keys = .allocate(capacity: capacity)
        c.keys.initialize(from: keys, count: capacity)  // slots without an id are never read
        c.ids = .allocate(capacity: capacity)
        c.ids.initialize(from: ids, count: capacity)
        c.values = values
        return c
    }

    /// The id of `value`, assigning the next one if it is new.
    @inline(__always)
    func id(_ value: UInt64) -> Int {
        // Safe: the shift leaves log2(capacity) bits, so the slot is in [0, capacity). The shift
        // is at most 58 (capacity ≥ 64), so the masking shift needs no case for 64 or more.
        let i = Int(truncatingIfNeeded: (value &* 0x9E37_79B9_7F4A_7C15) &>> shift)
        let stored = ids[i]
        if stored != 0 && keys[i] == value { return Int(stored) &- 1 }
        return probe(value, from: i)
    }

    /// The rest of the probe sequence, and insertion (rare: the first slot usually holds the value).
    @inline(never)
    private func probe(_ value: UInt64, from start: Int) -> Int {
        let mask = capacity - 1
        var i = start
        while true {
            // Safe: i is masked to [0, capacity).
            let stored = ids[i]
            if stored == 0 { return insert(value, at: i) }
            if keys[i] == value { return Int(stored) &- 1 }
            i = (i &+ 1) & mask
        }
    }

    private func insert(_ value: UInt64, at slot: Int) -> Int {
        let id = values.count
        values.append(value)
        keys[slot] = value
        ids[slot] = UInt32(id + 1)
        // Load ≤ 1/8 while the map is small (a few KiB): the first probe then almost always
        // decides. At ≤ 1/2, 28 industry codes in 64 slots sent a quarter of the lookups to
        // `probe` (a call and a mispredicted branch, 0.3 per row under cachegrind's branch model).
        if values.count * (capacity < Self.sparseUpTo ? 8 : 2) > capacity { grow() }
        return id
    }

    private func grow() {
        let oldKeys = keys, oldIDs = ids, oldCapacity = capacity
        capacity *= 2
        shift -= 1
        keys = .allocate(capacity: capacity)
        ids = .allocate(capacity: capacity)
        ids.initialize(repeating: 0, count: capacity)
        let mask = capacity - 1
        for j in 0..<oldCapacity where oldIDs[j] != 0 {
            var i = Int(truncatingIfNeeded: (oldKeys[j] &* 0x9E37_79B9_7F4A_7C15) &>> shift)
            while ids[i] != 0 { i = (i + 1) & mask }
            keys[i] = oldKeys[j]
            ids[i] = oldIDs[j]
        }
        oldKeys.deallocate()
        oldIDs.deallocate()
    }
}
