import Testing
@testable import Aggregates
@testable import TransactionIO

/// The 128-byte consumer record keeps counts and sums in narrow fields (8-bit hour counts,
/// 32-bit transaction counts and group sums) and moves what does not fit to a side table.
/// These tests push every field past its width and check the features against a plain
/// model with 64-bit sums, through updates, merges and state files.
@Suite("Consumer record spills")
struct ConsumerStorageSpillTests {
    /// The features by the definitions (ConsumerFeatures), computed naively.
    struct Model {
        var features: [UInt64: ConsumerFeatures] = [:]
        var divisions: [UInt64: Set<UInt8>] = [:]

        mutating func add(_ u: ConsumerUpdate) {
            var f = features[u.key] ?? ConsumerFeatures(
                key: u.key, transactions: 0, netAmount: 0, outsideNetAmount: 0, firstTime: Int64.max,
                lastTime: Int64.min, homeRegion: Int64.max, distinctDivisions: 0,
                hourProfile: [Int](repeating: 0, count: 24), spendByGroup: [Int64](repeating: 0, count: 12))
            f.transactions += 1
            f.netAmount &+= u.amount
            if u.outside { f.outsideNetAmount &+= u.amount }
            if u.time < f.firstTime || (u.time == f.firstTime && u.home < f.homeRegion) {
                f.firstTime = u.time
                f.homeRegion = u.home
            }
            f.lastTime = max(f.lastTime, u.time)
            if u.division < 100 { divisions[u.key, default: []].insert(u.division) }
            f.distinctDivisions = divisions[u.key]?.count ?? 0
            f.hourProfile[Int(u.hour)] = min(65_535, f.hourProfile[Int(u.hour)] + 1)
            f.spendByGroup[Int(u.group)] &+= u.amount
            features[u.key] = f
        }
    }

    static func update(_ key: UInt64, amount: Int64, hour: UInt8 = 10, group: UInt8 = 0, time: Int64 = 1_700_000_000,
                       home: Int64 = 47_111, outside: Bool = false) -> ConsumerUpdate {
        ConsumerUpdate(key: key, amount: amount, time: time, home: home, hour: hour, group: group, division: 56,
                       outside: outside)
    }

    static func table(_ updates: [ConsumerUpdate]) -> ConsumerTable {
        var t = ConsumerTable()
        updates.withUnsafeBufferPointer { t.apply($0) }
        return t
    }

    static func expectMatches(_ table: ConsumerTable, _ model: Model, _ comment: Comment? = nil) {
        #expect(table.count == model.features.count, comment)
        for (key, f) in model.features { #expect(table.features(forKey: key) == f, comment) }
    }

    @Test func wideAmountsSpillExactly() {
        var updates: [ConsumerUpdate] = []
        let amounts: [Int64] = [3_000_000_000, -3_000_000_000, Int64(Int32.max), Int64(Int32.min), 1, -1,
                                2_000_000_000, 2_000_000_000, 1 << 62, -(1 << 62), 7, Int64(Int32.max) + 1]
        var rng = GeneratorRandom(seed: 4)
        for k in 0..<3_000 {
            let key = 1 + rng.next() % 5
            updates.append(Self.update(key, amount: amounts[k % amounts.count], group: UInt8(rng.next() % 12),
                                       time: 1_700_000_000 + Int64(rng.next() % 1000), home: 47_111 + Int64(rng.next() % 3),
                                       outside: rng.next() % 2 == 0))
        }
        var model = Model()
        for u in updates { model.add(u) }
        let table = Self.table(updates)
        Self.expectMatches(table, model)
        #expect(!table.shards[0].spills.isEmpty)  // the test really spills
    }

    @Test func hourCountsPastTheByteAndPastSaturation() {
        // 70,000 rows in one hour (past 255 and past the 65,535 cap of the feature), 300 in another.
        let updates = [ConsumerUpdate](repeating: Self.update(9, amount: 1_000, hour: 3), count: 70_000)
            + [ConsumerUpdate](repeating: Self.update(9, amount: 1_000, hour: 4), count: 300)
        var model = Model()
        for u in updates { model.add(u) }
        let table = Self.table(updates)
        Self.expectMatches(table, model)
        let f = table.features(forKey: 9)
        #expect(f?.hourProfile[3] == 65_535 && f?.hourProfile[4] == 300 && f?.transactions == 70_300)
    }

    @Test func transactionCountsPastThirtyTwoBits() {
        // A record read from a state file with 2³² − 2 transactions, then three more rows.
        var words = [UInt64](repeating: 0, count: ConsumerStorage.logicalWords)
        words[0] = 77
        words[3] = UInt64(bitPattern: 1_600_000_000)
        words[4] = UInt64(bitPattern: 1_600_000_000)
        words[5] = 47_111
        words[6] = UInt64(UInt32.max) - 1
        words[15] = 5_000
        words[1] = 5_000
        var table = ConsumerTable()
        #expect(words.withUnsafeBufferPointer { table.shards[0].insertRaw($0.baseAddress!) })
        let more = [ConsumerUpdate](repeating: Self.update(77, amount: 10), count: 3)
        more.withUnsafeBufferPointer { table.apply($0) }
        #expect(table.features(forKey: 77)?.transactions == Int64(UInt32.max) + 2)
        #expect(table.features(forKey: 77)?.netAmount == 5_030)
        // Merged with itself: twice the counts, exactly.
        var doubled = table
        doubled.merge(table)
        #expect(doubled.features(forKey: 77)?.transactions == 2 * (Int64(UInt32.max) + 2))
        #expect(table.features(forKey: 77)?.transactions == Int64(UInt32.max) + 2)  // copy-on-write
    }

    @Test func spillsSurviveMergesAndStateFiles() throws {
        var rng = GeneratorRandom(seed: 8)
        func batch(_ n: Int) -> [ConsumerUpdate] {
            (0..<n).map { _ in
                Self.update(1 + rng.next() % 20, amount: Int64(rng.next() % 3_000_000_000) - 1_000_000_000,
                            hour: UInt8(rng.next() % 2), group: UInt8(rng.next() % 12),
                            time: 1_700_000_000 + Int64(rng.next() % 100), home: 47_111 + Int64(rng.next() % 4))
            }
        }
        let a = batch(4_000), b = batch(4_000)
        var model = Model()
        for u in a + b { model.add(u) }
        var merged = Self.table(a)
        merged.merge(Self.table(b))
        Self.expectMatches(merged, model, "merge")
        var aggregates = ScanAggregates()
        aggregates.consumers = merged
        let back = try ScanAggregates(serialized: aggregates.serialized(), source: "spill.state")
        Self.expectMatches(back.consumers, model, "state file")
        #expect(back.serialized() == aggregates.serialized())
    }
}
