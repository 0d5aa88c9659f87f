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
}
