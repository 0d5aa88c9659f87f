import Testing
@testable import Aggregates
@testable import TransactionIO

/// Consumer updates wait for their partition in 24 bytes (`PackedConsumerUpdate`). Every
/// value inside the packed ranges must come back exactly, every value outside them must
/// refuse to pack (and wait in full form instead), and a scan whose rows do not pack must
/// give the exact features.
@Suite("Packed consumer updates")
struct PackedConsumerUpdateTests {
    static func update(amount: Int64 = 12_000, time: Int64 = 1_700_000_000, home: Int64 = 47_111,
                       hour: UInt8 = 13, group: UInt8 = 3, division: UInt8 = 56, outside: Bool = true) -> ConsumerUpdate {
        ConsumerUpdate(key: 0xDEAD_BEEF_1234_5678, amount: amount, time: time, home: home, hour: hour, group: group,
                       division: division, outside: outside)
    }

    static func key(_ id: String) -> UInt64 { Array(id.utf8).withUnsafeBytes { FieldParsers.idHash($0) } }

    static func same(_ a: ConsumerUpdate, _ b: ConsumerUpdate) -> Bool {
        a.key == b.key && a.amount == b.amount && a.time == b.time && a.home == b.home && a.hour == b.hour
            && a.group == b.group && a.division == b.division && a.outside == b.outside
    }

    @Test func rangeEdgesComeBackExactly() throws {
        let base = PackedConsumerUpdate.timeBase
        let edges: [ConsumerUpdate] = [
            Self.update(),
            Self.update(amount: 0, time: base, home: 0, hour: 0, group: 0, division: 0, outside: false),
            Self.update(amount: (1 << 37) - 1, time: base + (1 << 34) - 1, home: (1 << 39) - 1, hour: 23, group: 11, division: 100),
            Self.update(amount: -(1 << 37)),
            Self.update(amount: -1, time: -1),
            Self.update(amount: -12_000, time: 0, home: 1_111_010_100),
            Self.update(time: 13_000_000_000),  // year 2381
        ]
        for u in edges {
            let packed = try #require(PackedConsumerUpdate(u), "\(u)")
            #expect(Self.same(packed.unpacked, u), "\(u)")
        }
        #expect(MemoryLayout<PackedConsumerUpdate>.stride == 24)
    }

    @Test func outOfRangeValuesDoNotPack() {
        let base = PackedConsumerUpdate.timeBase
        let outside: [ConsumerUpdate] = [
            Self.update(amount: 1 << 37), Self.update(amount: -(1 << 37) - 1),
            Self.update(amount: .max), Self.update(amount: .min),
            Self.update(time: base - 1), Self.update(time: base + (1 << 34)), Self.update(time: .max), Self.update(time: .min),
            Self.update(home: -1), Self.update(home: 1 << 39), Self.update(home: .max),
            Self.update(hour: 32), Self.update(group: 16), Self.update(division: 128),
        ]
        for u in outside { #expect(PackedConsumerUpdate(u) == nil, "\(u)") }
    }

    @Test func randomUpdatesRoundTrip() {
        var rng = GeneratorRandom(seed: 99)
        for _ in 0..<20_000 {
            let u = ConsumerUpdate(
                key: rng.next(), amount: Int64(bitPattern: rng.next()) >> Int64(rng.next() % 64),
                time: Int64(bitPattern: rng.next()) >> Int64(20 + rng.next() % 44),
                home: Int64(bitPattern: rng.next()) >> Int64(rng.next() % 64), hour: UInt8(rng.next() % 24),
                group: UInt8(rng.next() % 12), division: UInt8(rng.next() % 101), outside: rng.next() % 2 == 0)
            if let p = PackedConsumerUpdate(u) {
                #expect(Self.same(p.unpacked, u))
            } else {
                let base = PackedConsumerUpdate.timeBase
                let fits = u.time >= base && u.time < base + (1 << 34) && u.home >= 0 && u.home < (1 << 39)
                    && u.amount >= -(1 << 37) && u.amount < (1 << 37)
                #expect(!fits, "\(u) fits but did not pack")
            }
        }
    }

    /// Rows whose values do not pack (years 1850 and 2500, a 500-billion-won amount, a
    /// 14-digit region code) wait in full form: a parallel scan's features are exact.
    @Test(arguments: [(1, 1), (2, 1), (2, 16), (3, 7)])
    func scanWithUnpackableRowsIsExact(threads: Int, partitionsPerWorker: Int) throws {
        var log = ScanAggregatesTests.header
        log += "T1,1850-03-01 09:00:00,C1,47111,M1,47111,56192,1000,card,approved\n"
        log += "T2,2500-12-31 23:59:59,C1,47111,M1,47111,56192,2000,card,approved\n"
        log += "T3,2024-05-05 12:00:00,C1,47111,M2,47113,47212,500000000000,card,approved\n"
        log += "T4,2024-05-05 12:00:01,C1,47111,M2,47113,47212,500000000000,card,cancel\n"
        log += "T5,2024-05-06 08:00:00,C2,12345678901234,M1,47111,56192,7000,card,approved\n"
        log += "T6,2024-05-07 08:00:00,C2,47111,M1,47111,56192,3000,card,approved\n"
        for k in 0..<300 {
            log += "X\(k),2024-06-0\(1 + k % 9) 1\(k % 10):00:00,C\(3 + k % 40),47111,M\(k % 7),4711\(k % 3),56192,\(100 + k),card,approved\n"
        }
        let bytes = Array(log.utf8)
        let (reference, _) = try referenceAggregates(bytes)
        let (fast, bad) = try fastAggregates(bytes, options: ScanOptions(batchSize: 7, chunkSize: 256, threads: threads),
                                             partitionsPerWorker: partitionsPerWorker)
        #expect(bad.isEmpty)
        #expect(sameResults(fast, reference))

        let c1 = try #require(fast.consumers.features(forKey: Self.key("C1")))
        #expect(c1.transactions == 4)
        #expect(c1.netAmount == 3000)
        #expect(c1.outsideNetAmount == 0)  // +500 billion and its cancellation
        #expect(c1.firstTime == -3_781_695_600)  // 1850-03-01 09:00:00
        #expect(c1.lastTime == 16_756_761_599)  // 2500-12-31 23:59:59
        let c2 = try #require(fast.consumers.features(forKey: Self.key("C2")))
        #expect(c2.homeRegion == 12_345_678_901_234)
        #expect(c2.outsideNetAmount == 7000)
        #expect(fast.consumers.shards.count == threads * partitionsPerWorker)
    }
}
