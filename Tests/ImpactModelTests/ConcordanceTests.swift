import Testing
@testable import ImpactModel

@Suite("Concordance")
struct ConcordanceTests {
    static let table = try! IOTable(csv: """
        # units: million won
        code,label,A,B,C,household,total_output
        A,Goods,10,5,0,85,100
        B,Retail,5,5,5,85,100
        C,Food service,5,5,5,85,100
        compensation,Comp,40,40,40,0,
        operating_surplus,OS,40,45,50,0,
        """, source: "t.csv")

    @Test func longestPrefixWinsAndSharesSplit() throws {
        let c = try Concordance(csv: """
            # comment
            ksic,sector,share,note
            47,B,1,retail
            473,B,0.25,fuel margin
            473,A,0.75,fuel
            56,C,,food service
            56111,C,1,Korean restaurants
            """, source: "map.csv", table: Self.table)
        #expect(c.lookup("47121").match == .prefix(key: "47"))
        #expect(c.lookup("47301").targets.count == 2)
        #expect(c.lookup("56111").match == .exact(key: "56111"))
        #expect(c.lookup("85501").match == .unmapped)
        let mapping = c.map(spending: [("47301", 4_000_000), ("56111", 1_000_000), ("56221", 2_000_000), ("85501", 500_000)],
                            sectorCount: 3, wonPerUnit: 1e6)
        #expect(mapping.demand == [3, 1, 3])
        #expect(mapping.exactWon == 1_000_000)
        #expect(mapping.prefixWon == 6_000_000)
        #expect(mapping.unmappedWon == 500_000)
        #expect(mapping.unmapped.map(\.code) == ["85501"])
        #expect(mapping.totalWon == 7_500_000)
    }

    struct BadCase: Sendable, CustomStringConvertible {
        let name: String
        let csv: String
        let code: IOTableError.Code
        let line: Int
        var description: String { name }
    }

    @Test(arguments: [
        BadCase(name: "unknown sector", csv: "ksic,sector\n56,Z\n", code: .unknownSector, line: 2),
        BadCase(name: "code mapped twice", csv: "ksic,sector\n56,C\n47,B\n56,C\n", code: .duplicateMapping, line: 4),
        BadCase(name: "shares do not sum to 1", csv: "ksic,sector,share\n473,A,0.5\n473,B,0.4\n", code: .invalidShare, line: 2),
        BadCase(name: "share out of range", csv: "ksic,sector,share\n473,A,1.5\n", code: .invalidShare, line: 2),
        BadCase(name: "no sector column", csv: "ksic,target\n56,C\n", code: .missingColumn, line: 1),
    ])
    func rejects(_ c: BadCase) {
        let error = #expect(throws: IOTableError.self) { try Concordance(csv: c.csv, source: "map.csv", table: Self.table) }
        #expect(error?.code == c.code, "\(c.name)")
        #expect(error?.line == c.line, "\(c.name)")
        #expect(error?.description.hasPrefix("map.csv:") == true)
    }

    @Test func demandFileSumsRepeatsAndRejectsUnknownSectors() throws {
        let d = try FinalDemandChange(csv: "sector,amount\nA,10\nC,5\nA,2.5\n", source: "d.csv", table: Self.table)
        #expect(d.values == [12.5, 0, 5])
        let error = #expect(throws: IOTableError.self) {
            try FinalDemandChange(csv: "sector,amount\nQ,10\n", source: "d.csv", table: Self.table)
        }
        #expect(error?.code == .unknownSector && error?.line == 2)
    }
}
