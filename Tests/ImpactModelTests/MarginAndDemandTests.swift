import Testing
@testable import ImpactModel

@Suite("Margins: purchaser to producer prices")
struct MarginAndDemandTests {
    static let table = try! IOTable(csv: """
        # units: million won
        code,label,A,B,C,household,total_output
        A,Goods,10,5,0,85,100
        B,Retail,5,5,5,85,100
        C,Food service,5,5,5,85,100
        compensation,Comp,40,40,40,0,
        operating_surplus,OS,40,45,50,0,
        """, source: "t.csv")
    static let concordance = try! Concordance(csv: "ksic,sector\n47,B\n56,C\n", source: "map.csv", table: table)

    /// HAND-COMPUTED: 10,000,000 won at a shop (47) with the bridge own 0.2 / margin 0.1 (to C) /
    /// goods 0.6 (A) / tax 0.1 splits into own 2 (B), margin 1 (C), goods 6 (A) million won,
    /// taxes 1,000,000 won; 3,000,000 won at a restaurant (56, no bridge) stays 3 (C) own output.
    @Test func spendingSplitsIntoOwnOutputMarginsGoodsAndTaxes() throws {
        let margins = try MarginTable(csv: """
            ksic,component,sector,share,note
            47,own,,0.2,retail margin
            47,margin,C,0.1,transport
            47,goods,A,0.6,goods
            47,tax,,0.1,VAT
            """, source: "m.csv", table: Self.table)
        let d = Self.concordance.demand(spending: [("47121", 10_000_000), ("56111", 3_000_000), ("85501", 500_000)],
                                        margins: margins, sectorCount: 3, wonPerUnit: 1e6)
        let (own, supplied) = d.vectors()
        #expect(own.map { ($0 * 1e9).rounded() / 1e9 } == [0, 2, 3])
        #expect(supplied.map { ($0 * 1e9).rounded() / 1e9 } == [6, 0, 1])
        #expect(abs(d.taxesWon - 1_000_000) < 1e-6)
        #expect(d.bridgedWon == 10_000_000)
        #expect(d.unmappedWon == 500_000 && d.prefixWon == 13_000_000)
        // Without a margin table the shop is all own output (the old behaviour).
        let plain = Self.concordance.demand(spending: [("47121", 10_000_000)], margins: nil, sectorCount: 3, wonPerUnit: 1e6)
        #expect(plain.vectors().own == [0, 10, 0])
        // A margin factor of 1.5 raises own and margin by half; goods absorb it (6 − 1.5 = 4.5).
        let (own15, supplied15) = d.vectors(marginFactors: [1.5])
        #expect(abs(own15[1] - 3) < 1e-12 && abs(supplied15[2] - 1.5) < 1e-12 && abs(supplied15[0] - 4.5) < 1e-12)
        // Factors beyond what goods can absorb are capped: goods never turn negative.
        let (_, capped) = d.vectors(marginFactors: [100])
        #expect(capped[0] >= 0 && abs(capped[0]) < 1e-12)
    }

    struct BadCase: Sendable, CustomStringConvertible {
        let name: String
        let csv: String
        let code: IOTableError.Code
        let line: Int?
        var description: String { name }
    }

    @Test(arguments: [
        BadCase(name: "unknown component", csv: "ksic,component,sector,share\n47,markup,,1\n", code: .malformedCSV, line: 2),
        BadCase(name: "goods without sector", csv: "ksic,component,sector,share\n47,goods,,1\n", code: .missingColumn, line: 2),
        BadCase(name: "tax with a sector", csv: "ksic,component,sector,share\n47,tax,A,0.1\n47,own,,0.9\n", code: .malformedCSV, line: 2),
        BadCase(name: "shares do not sum to 1", csv: "ksic,component,sector,share\n47,own,,0.3\n47,goods,A,0.6\n", code: .invalidShare, line: 2),
        BadCase(name: "unknown sector", csv: "ksic,component,sector,share\n47,goods,Z,1\n", code: .unknownSector, line: 2),
        BadCase(name: "duplicate", csv: "ksic,component,sector,share\n47,own,,0.5\n47,own,,0.5\n", code: .duplicateMapping, line: 3),
        BadCase(name: "no share column", csv: "ksic,component,sector\n47,own,\n", code: .missingColumn, line: 1),
    ])
    func rejects(_ c: BadCase) {
        let error = #expect(throws: IOTableError.self) { try MarginTable(csv: c.csv, source: "m.csv", table: Self.table) }
        #expect(error?.code == c.code, "\(c.name): \(String(describing: error))")
        #expect(error?.line == c.line, "\(c.name)")
        #expect(error?.description.hasPrefix("m.csv:") == true)
    }

    /// The shipped margin table for the synthetic 33-sector table loads, every key's shares
    /// sum to 1, and the fuel row follows the price structure it cites (station margin 6.2 %,
    /// taxes 48.2 % of the pump price; 소비자시민모임 via etnews, 2012-12-03).
    @Test func shippedMarginTableLoads() throws {
        let root = #filePath.split(separator: "/").dropLast(3).joined(separator: "/")
        let table = try IOTable.load(path: "/" + root + "/SampleData/synthetic_region_33.csv")
        let margins = try MarginTable.load(path: "/" + root + "/SampleData/synthetic_region_33_margins.csv", table: table)
        let fuel = try #require(margins.lookup("47301"))
        #expect(abs(MarginTable.share(.own, in: fuel.components) - 0.062) < 1e-12)
        #expect(abs(MarginTable.share(.tax, in: fuel.components) - 0.482) < 1e-12)
        #expect(margins.lookup("86201") == nil)  // clinics: VAT-exempt services, no bridge
    }
}
