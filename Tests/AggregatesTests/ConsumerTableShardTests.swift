import Testing
@testable import Aggregates
@testable import TransactionIO

/// A consumer table made of shards (the partitions of a parallel scan, handed over
/// without copying) must behave exactly like one table holding the same records:
/// counts, lookups, merges (into one shard or many), iteration order and state files.
@Suite("Consumer table shards")
struct ConsumerTableShardTests {
    static func updates(count: Int, seed: UInt64) -> [ConsumerUpdate] {
        var rng = GeneratorRandom(seed: seed)
        return (0..<count).map { _ in
            let r = rng.next()
            return ConsumerUpdate(
                key: 1 + r % 700, amount: Int64(rng.next() % 90_000) - 10_000,
                time: 1_700_000_000 + Int64(rng.next() % 10_000_000), home: 47_111 + Int64(r % 5),
                hour: UInt8(rng.next() % 24), group: UInt8(rng.next() % 12), division: UInt8(rng.next() % 101),
                outside: r % 3 == 0)
        }
    }

    /// One single-shard table with every update.
    static func whole(_ updates: [ConsumerUpdate]) -> ConsumerTable {
        var t = ConsumerTable()
        updates.withUnsafeBufferPointer { t.apply($0) }
        return t
    }

    /// `n` shards, each fed the updates whose key it owns (as a parallel scan routes them).
    static func sharded(_ updates: [ConsumerUpdate], shards n: Int) -> ConsumerTable {
        var parts = (0..<n).map { _ in ConsumerTable() }
        for p in 0..<n {
            let mine = updates.filter { ConsumerTable.shard(of: $0.key, count: n) == p }
            mine.withUnsafeBufferPointer { parts[p].apply($0) }
        }
        return ConsumerTable(shards: parts.map { $0.shards[0] })
    }

    @Test(arguments: [2, 3, 5])
    func shardedEqualsWhole(shards: Int) {
        let updates = Self.updates(count: 5_000, seed: 7)
        let one = Self.whole(updates), many = Self.sharded(updates, shards: shards)
        #expect(many.shards.count == shards)
        #expect(many.count == one.count)
        #expect(many == one && one == many)
        #expect(many.sortedFeatures() == one.sortedFeatures())
        // Every key is found in its own shard, and only there.
        for f in one.sortedFeatures() { #expect(many.features(forKey: f.key) == f) }
        #expect(many.features(forKey: 1_000_000) == nil)
    }

    @Test func mergesAcrossShardCounts() {
        let a = Self.updates(count: 3_000, seed: 1), b = Self.updates(count: 3_000, seed: 2)
        let expected = Self.whole(a + b)
        // many into many, one into many, many into one, many into many with another count.
        var x = Self.sharded(a, shards: 2)
        x.merge(Self.sharded(b, shards: 2))
        #expect(x == expected)
        var y = Self.sharded(a, shards: 3)
        y.merge(Self.whole(b))
        #expect(y == expected && y.shards.count == 3)
        var z = Self.whole(a)
        z.merge(Self.sharded(b, shards: 2))
        #expect(z == expected && z.shards.count == 1)
        var w = Self.sharded(a, shards: 2)
        w.merge(Self.sharded(b, shards: 3))
        #expect(w == expected)
        // The merged-into table was copied, not changed in place.
        let original = Self.sharded(a, shards: 2)
        var copy = original
        copy.merge(Self.whole(b))
        #expect(original == Self.whole(a))
    }

    @Test func stateFileOfShardedTableReadsBackEqual() throws {
        var aggregates = ScanAggregates()
        aggregates.consumers = Self.sharded(Self.updates(count: 2_000, seed: 3), shards: 2)
        let bytes = aggregates.serialized()
        let back = try ScanAggregates(serialized: bytes, source: "shards.state")
        #expect(back.consumers == aggregates.consumers)
        #expect(back.consumers.shards.count == 1)
        // The same records in the same order: writing it again gives the same bytes.
        #expect(back.serialized() == bytes)
    }

    /// The totals by summing every consumer's features (what `totals()` must equal).
    static func sumOfFeatures(_ table: ConsumerTable) -> ConsumerTotals {
        var expected = ConsumerTotals()
        expected.count = table.count
        table.forEach { f in
            expected.transactions &+= f.transactions
            expected.netAmount &+= f.netAmount
            expected.outsideNetAmount &+= f.outsideNetAmount
            for g in 0..<expected.spendByGroup.count { expected.spendByGroup[g] &+= f.spendByGroup[g] }
            for h in 0..<24 { expected.hourProfile[h] &+= f.hourProfile[h] }
        }
        return expected
    }

    /// `totals()` sums the raw records; it must equal summing every consumer's features.
    @Test(arguments: [1, 3])
    func totalsEqualSumOfFeatures(shards: Int) {
        let table = Self.sharded(Self.updates(count: 4_000, seed: 9), shards: shards)
        let expected = Self.sumOfFeatures(table)
        #expect(table.totals() == expected)
        #expect(expected.transactions == 4_000 && expected.hourProfile.reduce(0, +) == 4_000)
        #expect(ConsumerTable().totals() == ConsumerTotals())
    }

    /// A record whose counters spilled to the side table (an hour with more than 255 rows, a
    /// group sum past Int32) is summed through the exchange form; the totals must still equal
    /// the sum of the features.
    @Test func totalsOfSpilledRecordsEqualSumOfFeatures() {
        var updates = Self.updates(count: 1_000, seed: 4)
        for k in 0..<300 {
            updates.append(ConsumerUpdate(key: 5, amount: 3_000_000_000, time: 1_700_000_000 + Int64(k), home: 47_111,
                                          hour: 9, group: 2, division: 47, outside: k % 2 == 0))
        }
        let table = Self.sharded(updates, shards: 2)
        let expected = Self.sumOfFeatures(table)
        #expect(table.totals() == expected)
        #expect(table.shards.contains { !$0.spills.isEmpty })
        #expect(expected.spendByGroup[2] >= 900_000_000_000)
    }
}
