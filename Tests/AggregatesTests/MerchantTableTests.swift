import Testing
@testable import Aggregates
@testable import TransactionIO

/// The compact merchant table must give exactly what adding `MerchantTotals` row by
/// row gives, including when its 32-bit counts spill and when a merchant's
/// (region, industry) varies.
@Suite("Merchant table")
struct MerchantTableTests {
    /// Rows: merchant key, amount (negative = cancellation), region, industry.
    static func rows(count: Int, seed: UInt64) -> [(UInt64, Int64, Int64, UInt64)] {
        var rng = GeneratorRandom(seed: seed)
        func next() -> UInt64 { rng.next() }
        return (0..<count).map { _ in
            let key = next() % 500  // includes key 0, stored as 1 (like an id hash of 0)
            let amount = Int64(next() % 100_000) - (next() % 10 == 0 ? 200_000 : 0)
            return (key, amount, Int64(47_111 + next() % 3), 0x3536_0000_0000_0000 + next() % 4)
        }
    }

    static func expected(_ rows: [(UInt64, Int64, Int64, UInt64)]) -> [UInt64: MerchantTotals] {
        var totals: [UInt64: MerchantTotals] = [:]
        for (key, amount, region, industry) in rows {
            totals[key == 0 ? 1 : key, default: MerchantTotals()].add(amount, region: region, industry: industry)
        }
        return totals
    }

    static func table(_ rows: [(UInt64, Int64, Int64, UInt64)], countLimit: UInt32) -> [UInt64: MerchantTotals] {
        let table = MerchantTable(initialCapacity: 16, countLimit: countLimit)
        for (key, amount, region, industry) in rows { table.add(key, amount: amount, region: region, industry: industry) }
        var out: [UInt64: MerchantTotals] = [:]
        table.forEach { key, totals in
            #expect(out[key] == nil, "key \(key) reported twice")
            out[key] = totals
        }
        #expect(out.count == table.count)
        return out
    }

    @Test(arguments: [UInt32.max, 1, 2, 7])
    func sameTotalsAsRowByRow(countLimit: UInt32) {
        let rows = Self.rows(count: 20_000, seed: UInt64(countLimit))
        #expect(Self.table(rows, countLimit: countLimit) == Self.expected(rows))
    }

    /// The workers' tables merged into one (`absorb`, as the end of a parallel scan does) give
    /// the totals of all rows added to one table, including counts that spill on the way.
    @Test(arguments: [UInt32.max, 1, 2, 7])
    func absorbedTablesEqualRowByRow(countLimit: UInt32) {
        let rows = Self.rows(count: 20_000, seed: 100 + UInt64(countLimit))
        let parts = (0..<3).map { _ in MerchantTable(initialCapacity: 16, countLimit: countLimit) }
        for (i, (key, amount, region, industry)) in rows.enumerated() {
            parts[i % 3].add(key, amount: amount, region: region, industry: industry)
        }
        parts[0].absorb(parts[1])
        parts[0].absorb(parts[2])
        var out: [UInt64: MerchantTotals] = [:]
        parts[0].forEach { key, totals in out[key] = totals }
        #expect(out.count == parts[0].count)
        #expect(out == Self.expected(rows))
    }

    /// Load ≤ 3/8 up to `sparseUpTo` entries, ≤ 3/4 beyond (the table must not take 8 slots a
    /// merchant for a very large city's log).
    @Test func growthPointIsThreeEighthsThenThreeQuarters() {
        #expect(MerchantTable.growthPoint(capacity: 16) == 6)
        #expect(MerchantTable.growthPoint(capacity: 1 << 18) == 98_304)
        #expect(MerchantTable.growthPoint(capacity: MerchantTable.sparseUpTo) == MerchantTable.sparseUpTo / 8 * 3)
        #expect(MerchantTable.growthPoint(capacity: MerchantTable.sparseUpTo * 2) == MerchantTable.sparseUpTo / 2 * 3)
    }

    /// 100,000 distinct merchants (through many growths) keep exact totals.
    @Test func manyMerchantsThroughGrowth() {
        let table = MerchantTable(initialCapacity: 16)
        for key in 1...100_000 as ClosedRange<UInt64> {
            table.add(key &* 0x9E37_79B9_7F4A_7C15, amount: Int64(key), region: 1, industry: 2)
            if key % 3 == 0 { table.add(key &* 0x9E37_79B9_7F4A_7C15, amount: -1, region: 1, industry: 2) }
        }
        #expect(table.count == 100_000)
        var checked = 0
        table.forEach { key, totals in
            let k = key &* 0xF1DE_83E1_9937_733D  // the inverse of 0x9E3779B97F4A7C15 mod 2⁶⁴
            #expect(totals.netAmount == Int64(k) - (k % 3 == 0 ? 1 : 0))
            #expect(totals.count == (k % 3 == 0 ? 2 : 1))
            checked += 1
        }
        #expect(checked == 100_000)
    }
}

/// Dense ids for few distinct values: stable, dense and the same across growth, in the sparse
/// regime (load ≤ 1/8 while small) and past it.
@Suite("ID map")
struct IDMapTests {
    @Test func idsAreDenseAndStableThroughGrowth() {
        let map = IDMap()
        let values = (0..<10_000).map { UInt64($0) &* 7_919 &+ 47_000 }
        for (i, v) in values.enumerated() { #expect(map.id(v) == i) }
        for (i, v) in values.enumerated().reversed() { #expect(map.id(v) == i) }
        #expect(map.values == values)
        let copy = map.copy()
        #expect(copy.id(values[1234]) == 1234)
        #expect(copy.id(1) == 10_000)
        #expect(map.count == 10_000)
    }
}
