import Testing
import TransactionIO
@testable import Aggregates

func aggregates(_ text: String, file: String = "t.csv", options: ScanOptions = ScanOptions()) throws -> ScanAggregates {
    let bytes = Array(text.utf8)
    return try bytes.withUnsafeBytes { raw in try ScanAggregates.scan(bytes: raw, file: file, options: options) }
}

/// Equal in everything a scan computes (file-read info aside).
func sameResults(_ a: ScanAggregates, _ b: ScanAggregates) -> Bool {
    a.rowsByFile == b.rowsByFile && a.spending == b.spending && a.flows == b.flows && a.merchants == b.merchants
        && a.consumers == b.consumers
}

@Suite("Scan aggregates")
struct ScanAggregatesTests {
    static let header = "tx_id,ts,consumer_id,consumer_region,merchant_id,merchant_region,ksic,amount,channel,status\n"

    static func log(rows: Int, seed: UInt64) -> [String] {
        var lines: [String] = []
        SyntheticLogGenerator(rows: rows, seed: seed).generate { chunk in
            lines += String(decoding: chunk, as: UTF8.self).split(separator: "\n").map(String.init)
        }
        return Array(lines.dropFirst())  // without header
    }

    @Test func spendingFlowsMerchantsAndConsumers() throws {
        let a = try aggregates(Self.header + """
            T1,2024-01-05 10:00:00,C1,47111,M1,47111,56111,12000,card,approved
            T2,2024-01-06 11:00:00,C1,47111,M1,47111,56111,2000,card,cancel
            T3,2024-01-07 10:30:00,C2,47130,M1,47111,56111,5000,card,approved
            T4,2024-02-07 22:00:00,C2,47130,M9,47130,47121,7000,card,approved
            T5,2024-02-08 22:00:00,C1,47111,M9,47130,47121,1000,card,approved
            """)
        let byRegion = a.spendingByRegionIndustry()
        #expect(byRegion.count == 2)
        #expect(byRegion[0].merchantRegion == 47111 && byRegion[0].cell.netAmount == 15000 && byRegion[0].cell.count == 3)
        #expect(byRegion[0].cell.cancellations == 1)
        #expect(a.netAmount == 23000)
        #expect(a.flowsByRegionPair().map(\.cell.netAmount) == [10000, 1000, 5000, 7000])
        #expect(a.months == [202401, 202402])
        #expect(a.rows.read == 5 && a.rows.accepted == 5)
        #expect(a.merchants.count == 2)
        #expect(a.consumers.count == 2)
        // Consumer C1 by hand: 12000 − 2000 + 1000 = 11000 won net, 1000 outside 47111,
        // first 2024-01-05 10:00:00, last 2024-02-08 22:00:00, divisions 56 and 47.
        let c1 = try #require(a.consumers.sortedFeatures().first { $0.homeRegion == 47111 })
        #expect(c1.transactions == 3)
        #expect(c1.netAmount == 11000)
        #expect(c1.outsideNetAmount == 1000)
        #expect(c1.firstTime == 1_704_448_800)  // 2024-01-05T10:00:00 as UTC seconds
        #expect(c1.lastTime == 1_707_429_600)   // 2024-02-08T22:00:00
        #expect(c1.distinctDivisions == 2)
        #expect(c1.hourProfile[10] == 1 && c1.hourProfile[11] == 1 && c1.hourProfile[22] == 1)
        #expect(c1.spendByGroup[SpendingGroup.foodService.rawValue] == 10000)
        #expect(c1.spendByGroup[SpendingGroup.retail.rawValue] == 1000)
        #expect(abs(c1.outsideShare! - 1.0 / 11.0) < 1e-15)
    }

    /// The aggregates of a log equal the merge of the aggregates of its parts,
    /// wherever it is split and in whichever order the parts are merged.
    /// Regression: an industry code first seen on a row without a consumer id must still
    /// give later consumers its KSIC division and spending group (a per-worker cache filled
    /// the codes it skipped with division 0, group 0).
    @Test(arguments: [1, 2])
    func industryFirstSeenWithoutConsumer(threads: Int) throws {
        let a = try aggregates(Self.header + """
            T1,2024-01-05 10:00:00,,47111,M1,47111,85501,1000,card,approved
            T2,2024-01-05 10:00:00,C1,47111,M1,47111,56111,2000,card,approved
            T3,2024-01-05 11:00:00,C1,47111,M1,47111,85501,3000,card,approved
            """, options: ScanOptions(threads: threads))
        let c1 = try #require(a.consumers.sortedFeatures().first)
        #expect(a.consumers.count == 1)
        #expect(c1.distinctDivisions == 2)  // divisions 56 and 85
        #expect(c1.spendByGroup[SpendingGroup.education.rawValue] == 3000)
        #expect(c1.spendByGroup[SpendingGroup.foodService.rawValue] == 2000)
        #expect(c1.spendByGroup[SpendingGroup.retail.rawValue] == 0)
    }

    @Test(arguments: [1, 137, 500, 999])
    func mergeOfPartsEqualsWhole(split: Int) throws {
        let lines = Self.log(rows: 1000, seed: 3)
        let whole = try aggregates(Self.header + lines.joined(separator: "\n"))
        let first = try aggregates(Self.header + lines[..<split].joined(separator: "\n"), file: "t.csv")
        let second = try aggregates(Self.header + lines[split...].joined(separator: "\n"), file: "t.csv")
        for merged in [first + second, second + first] {
            #expect(sameResults(merged, whole))
        }
    }

    @Test func mergeIsAssociative() throws {
        let lines = Self.log(rows: 300, seed: 11)
        let parts = try [lines[0..<100], lines[100..<200], lines[200...]].enumerated().map {
            try aggregates(Self.header + $0.element.joined(separator: "\n"), file: "p\($0.offset).csv")
        }
        let left = (parts[0] + parts[1]) + parts[2]
        let right = parts[0] + (parts[1] + parts[2])
        #expect(sameResults(left, right))
        #expect(left.rowsByFile.count == 3)
    }
}
