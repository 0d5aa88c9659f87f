import CScanSupport

/// Per-consumer features of a scan: an open-addressing index (64-bit slots
/// holding a record number and a 32-bit key fingerprint) over densely stored,
/// paged 128-byte records (`ConsumerStorage`). Memory: 128 bytes per consumer plus
/// 16–32 bytes of index, whatever the number of rows. Merges exactly (sums, min/max, bit unions,
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
    mutating func apply<Update: ConsumerUpdateForm>(_ updates: UnsafeBufferPointer<Update>) {
        precondition(shards.count == 1, "updates go to a single-shard table")
        uniqueShard(0).apply(updates)
    }

    /// Applies the updates waiting in `outbox` (both forms) and empties it.
    mutating func apply(_ outbox: ConsumerOutbox) {
        apply(outbox.buffer)
        if !outbox.wide.isEmpty { outbox.wide.withUnsafeBufferPointer { apply($0) } }
        outbox.removeAll()
    }

    /// Merges `other` into `self`.
    public mutating func merge(_ other: ConsumerTable) {
        let n = shards.count
        if n == other.shards.count {
            // Same partitioning (one shard each, or two scans with the same worker count).
            for s in 0..<n { uniqueShard(s).absorb(other.shards[s]) }
            return
        }
        for s in 0..<n { _ = uniqueShard(s) }
        for theirs in other.shards {
            theirs.forEachLogical { r in
                shards[n == 1 ? 0 : Self.shard(of: r[0], count: n)].absorb(logical: r)
            }
        }
    }

    /// Calls `body` with each consumer's record in the exchange form (`ConsumerStorage.logicalWords`
    /// words; shard by shard, in insertion order). The pointer is valid during the call only.
    func forEachRecord(_ body: (UnsafePointer<UInt64>) -> Void) {
        for shard in shards { shard.forEachLogical(body) }
    }

    /// The same in key order (for output whose bytes must not depend on insertion order).
    func forEachRecordInKeyOrder(_ body: (UnsafePointer<UInt64>) -> Void) {
        var order: [(key: UInt64, shard: Int, index: Int)] = []
        order.reserveCapacity(count)
        for (s, shard) in shards.enumerated() {
            for i in 0..<shard.count { order.append((shard.record(i)[0], s, i)) }
        }
        order.sort { $0.key < $1.key }
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: ConsumerStorage.logicalWords) { w in
            // Safe: the buffer holds logicalWords words.
            for entry in order {
                shards[entry.shard].logical(entry.index, into: w.baseAddress!)
                body(UnsafePointer(w.baseAddress!))
            }
        }
    }

    /// Calls `body` with each consumer's features (in storage order).
    public func forEach(_ body: (ConsumerFeatures) -> Void) {
        forEachRecord { body(ConsumerStorage.features(of: $0)) }
    }

    /// The features of the consumer with id hash `key`.
    public func features(forKey key: UInt64) -> ConsumerFeatures? {
        let shard = shards[shards.count == 1 ? 0 : Self.shard(of: key, count: shards.count)]
        return shard.find(key).map { shard.features($0) }
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
