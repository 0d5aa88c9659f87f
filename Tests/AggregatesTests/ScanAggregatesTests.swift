import Testing
import TransactionIO
@testable import Aggregates

func aggregates(_ text: String, file: String = "t.csv") throws -> ScanAggregates {
    let bytes = Array(text.utf8)
    return try bytes.withUnsafeBytes { raw in try ScanAggregates.scan(bytes: raw, file: file) }
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

    @Test func spendingAndFlowsNetCancellations() throws {
        let a = try aggregates(Self.header + """
            T1,2024-01-05 10:00:00,C1,47111,M1,47111,56111,12000,card,approved
            T2,2024-01-06 10:00:00,C1,47111,M1,47111,56111,2000,card,cancel
            T3,2024-01-07 10:00:00,C2,47130,M1,47111,56111,5000,card,approved
            T4,2024-02-07 10:00:00,C2,47130,M9,47130,47121,7000,card,approved
            """)
        let byRegion = a.spendingByRegionIndustry()
        #expect(byRegion.count == 2)
        #expect(byRegion[0].merchantRegion == 47111 && byRegion[0].cell.netAmount == 15000 && byRegion[0].cell.count == 3)
        #expect(byRegion[0].cell.cancellations == 1)
        #expect(a.netAmount == 22000)
        let flows = a.flowsByRegionPair()
        #expect(flows.map(\.cell.netAmount) == [10000, 5000, 7000])
        #expect(a.consumerKeys.count == 2)
        #expect(a.months == [202401, 202402])
        #expect(a.rows.read == 4 && a.rows.accepted == 4)
    }

    /// The aggregates of a log equal the merge of the aggregates of its parts,
    /// wherever it is split and in whichever order the parts are merged.
    @Test(arguments: [1, 137, 500, 999])
    func mergeOfPartsEqualsWhole(split: Int) throws {
        let lines = Self.log(rows: 1000, seed: 3)
        let whole = try aggregates(Self.header + lines.joined(separator: "\n"))
        let first = try aggregates(Self.header + lines[..<split].joined(separator: "\n"), file: "t.csv")
        let second = try aggregates(Self.header + lines[split...].joined(separator: "\n"), file: "t.csv")
        for merged in [first + second, second + first] {
            #expect(merged.spending == whole.spending)
            #expect(merged.flows == whole.flows)
            #expect(merged.consumerKeys == whole.consumerKeys)
            #expect(merged.rows == whole.rows)
        }
    }

    @Test func mergeIsAssociative() throws {
        let lines = Self.log(rows: 300, seed: 11)
        let parts = try [lines[0..<100], lines[100..<200], lines[200...]].enumerated().map {
            try aggregates(Self.header + $0.element.joined(separator: "\n"), file: "p\($0.offset).csv")
        }
        let left = (parts[0] + parts[1]) + parts[2]
        let right = parts[0] + (parts[1] + parts[2])
        #expect(left.spending == right.spending && left.flows == right.flows && left.rowsByFile == right.rowsByFile)
        #expect(left.rowsByFile.count == 3)
    }
}
