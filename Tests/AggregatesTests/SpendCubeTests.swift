import Testing
@testable import TransactionIO
@testable import Aggregates

/// Spending and flows go to dense cubes, or to hash tables once a cube would be too
/// large: either way the totals must equal a plain dictionary sum over the rows.
@Suite("Spending cubes")
struct SpendCubeTests {
    /// A batch of random rows over `regions` regions, `industries` codes and `months` months.
    static func batch(rows: Int, regions: Int, industries: Int, months: Int, seed: UInt64) -> TransactionBatch {
        var rng = GeneratorRandom(seed: seed)
        func next() -> UInt64 { rng.next() }
        let b = TransactionBatch()
        for _ in 0..<rows {
            let month = Int32(202_001 + Int(next() % UInt64(months)))
            let amount = Int64(next() % 50_000) - (next() % 8 == 0 ? 60_000 : 0)
            b.append(month: month, hour: UInt8(next() % 24), time: Int64(next() % 1_000_000),
                     consumerRegion: Int64(10_000 + next() % UInt64(regions)),
                     merchantRegion: Int64(10_000 + next() % UInt64(regions)),
                     industry: IndustryCode(packed: 0x3536_0000_0000_0000 + next() % UInt64(industries)),
                     netAmount: amount, consumerKey: next() | 1, merchantKey: next() % 1000 + 1)
        }
        return b
    }

    static func expected(_ batch: TransactionBatch) -> ([RegionIndustryMonth: SpendCell], [RegionFlowMonth: SpendCell]) {
        var spending: [RegionIndustryMonth: SpendCell] = [:]
        var flows: [RegionFlowMonth: SpendCell] = [:]
        batch.withColumns { c in
            for k in 0..<c.netAmount.count {
                spending[RegionIndustryMonth(merchantRegion: c.merchantRegion[k], industry: c.industry[k], month: c.month[k]),
                         default: SpendCell()].add(c.netAmount[k])
                flows[RegionFlowMonth(consumerRegion: c.consumerRegion[k], merchantRegion: c.merchantRegion[k], month: c.month[k]),
                      default: SpendCell()].add(c.netAmount[k])
            }
        }
        return (spending, flows)
    }

    @Test(arguments: [
        (3, 5, 2, 1 << 18),      // small: everything in the cubes
        (40, 300, 30, 1 << 18),  // the cubes grow several times
        (40, 300, 30, 1 << 10),  // the cubes fill up: later cells go to the hash tables
        (9, 9, 9, 1),            // nothing fits: the hash tables only
    ])
    func totalsEqualAPlainSum(regions: Int, industries: Int, months: Int, cubeCells: Int) {
        let rows = Self.batch(rows: 30_000, regions: regions, industries: industries, months: months,
                              seed: UInt64(regions * 1000 + cubeCells))
        let accumulator = ChunkAccumulator(partitions: 1, cubeCells: cubeCells)
        // In several batches, so growth happens between and within them.
        let half = TransactionBatch()
        rows.withColumns { c in
            for k in 0..<c.netAmount.count {
                half.append(month: c.month[k], hour: c.hour[k], time: c.time[k], consumerRegion: c.consumerRegion[k],
                            merchantRegion: c.merchantRegion[k], industry: c.industry[k], netAmount: c.netAmount[k],
                            consumerKey: c.consumerKey[k], merchantKey: c.merchantKey[k])
                if half.count == 7_000 {
                    accumulator.add(half)
                    half.removeAll()
                }
            }
        }
        accumulator.add(half)
        var result = ScanAggregates()
        accumulator.drain(into: &result)
        let (spending, flows) = Self.expected(rows)
        #expect(result.spending == spending)
        #expect(result.flows == flows)
    }
}
