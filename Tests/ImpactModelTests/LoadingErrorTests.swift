import Testing
@testable import ImpactModel

@Suite("IO table loading errors")
struct LoadingErrorTests {
    struct Case: CustomStringConvertible, Sendable {
        let name: String
        let csv: String
        let code: IOTableError.Code
        let line: Int?
        let column: Int?
        let mentions: String
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "negative flow", csv: """
            # units: won
            code,label,a,b,final,total_output
            a,A,10,-5,95,100
            b,B,5,5,90,100
            """, code: .negativeValue, line: 3, column: 4, mentions: "negative"),
        Case(name: "NaN cell", csv: """
            # units: won
            code,label,a,b,final,total_output
            a,A,10,NaN,95,100
            b,B,5,5,90,100
            """, code: .invalidNumber, line: 3, column: 4, mentions: "NaN"),
        Case(name: "text cell", csv: """
            # units: won
            code,label,a,b,final,total_output
            a,A,10,5,95,100
            b,B,5,abc,90,100
            """, code: .invalidNumber, line: 4, column: 4, mentions: "'abc'"),
        Case(name: "duplicate sector", csv: """
            # units: won
            code,label,a,a,final,total_output
            a,A,10,5,85,100
            a,B,5,5,90,100
            """, code: .duplicateSector, line: 4, column: 1, mentions: "twice"),
        Case(name: "columns do not match rows", csv: """
            # units: won
            code,label,a,b,final,total_output
            b,B,10,5,85,100
            a,A,5,5,90,100
            """, code: .sectorMismatch, line: 2, column: 3, mentions: "same order"),
        Case(name: "no total_output", csv: """
            # units: won
            code,label,a,b,final
            a,A,10,5,85
            """, code: .missingColumn, line: 2, column: nil, mentions: "total_output"),
        Case(name: "no units", csv: """
            code,label,a,b,final,total_output
            a,A,10,5,85,100
            b,B,5,5,90,100
            """, code: .missingUnits, line: nil, column: nil, mentions: "units"),
        Case(name: "ragged row", csv: """
            # units: won
            code,label,a,b,final,total_output
            a,A,10,5,85
            b,B,5,5,90,100
            """, code: .malformedCSV, line: 3, column: nil, mentions: "fields"),
        Case(name: "not productive", csv: """
            # units: won
            code,label,a,b,final,total_output
            a,A,60,5,35,100
            b,B,50,5,45,100
            """, code: .notProductive, line: 2, column: 3, mentions: "Hawkins"),
        Case(name: "zero output with inputs", csv: """
            # units: won
            code,label,a,b,final,total_output
            a,A,10,0,90,100
            b,B,5,0,0,0
            """, code: .zeroOutput, line: 4, column: 6, mentions: "total output 0"),
        Case(name: "value added disagrees with components", csv: """
            # units: won
            code,label,a,b,final,total_output
            a,A,10,5,85,100
            b,B,5,5,90,100
            compensation,Comp,50,40,0,
            operating_surplus,OS,35,50,0,
            value_added,VA,85,95,0,
            """, code: .inconsistentTotals, line: 7, column: 4, mentions: "components"),
        Case(name: "total input disagrees with output", csv: """
            # units: won
            code,label,a,b,final,total_output
            a,A,10,5,85,100
            b,B,5,5,90,100
            value_added,VA,85,90,0,
            total_input,TI,100,90,0,
            """, code: .inconsistentTotals, line: 6, column: 4, mentions: "total_input"),
        Case(name: "unclosed quote", csv: """
            # units: won
            code,label,a,final,total_output
            a,"A,10,90,100
            """, code: .malformedCSV, line: 3, column: 2, mentions: "never closed"),
        Case(name: "sector row after value added", csv: """
            # units: won
            code,label,a,b,final,total_output
            a,A,10,5,85,100
            value_added,VA,85,90,0,
            b,B,5,5,90,100
            """, code: .sectorMismatch, line: 5, column: 1, mentions: "after the value-added"),
    ]

    @Test(arguments: cases)
    func rejects(_ c: Case) throws {
        let caught = #expect(throws: IOTableError.self, "\(c.name)") {
            _ = try LeontiefModel(table: IOTable(csv: c.csv, source: "bad.csv"))
        }
        let error = try #require(caught)
        #expect(error.code == c.code, "\(c.name): \(error)")
        #expect(error.line == c.line, "\(c.name): \(error)")
        #expect(error.column == c.column, "\(c.name): \(error)")
        #expect(error.description.contains(c.mentions), "\(c.name): \(error)")
        #expect(error.description.hasPrefix("bad.csv"), "names the file")
        #expect(!error.hint.isEmpty)
    }

    @Test func unbalancedRowsWarnWithWorstSector() throws {
        let table = try IOTable(csv: """
            # units: won
            code,label,a,b,final,total_output
            a,A,10,5,80,100
            b,B,5,5,90,100
            value_added,VA,85,90,0,
            """, source: "t.csv")
        #expect(table.warnings.count == 1)
        #expect(table.warnings[0].message.contains("'a' off by -5"))
    }

    @Test func zeroOutputSectorWithoutFlowsIsExplicit() throws {
        let table = try IOTable(csv: """
            # units: won
            code,label,a,b,final,total_output
            a,A,10,0,90,100
            b,B,0,0,0,0
            value_added,VA,90,0,0,
            """, source: "t.csv")
        #expect(table.warnings.contains { $0.message.contains("'b' has zero output") })
        let m = try LeontiefModel(table: table).multipliers()
        #expect(m[1].outputType1 == 1)
        #expect(m[1].incomeMultiplierType1 == nil)
    }

    @Test func unitsComeFromHeaderOrOverride() throws {
        let csv = "# units: million won\ncode,label,a,f,total_output\na,A,10,90,100\n"
        #expect(try IOTable(csv: csv, source: "t").units.wonPerUnit == 1e6)
        let overridden = try IOTable(csv: csv, source: "t", options: .init(units: "억원"))
        #expect(overridden.units.wonPerUnit == 1e8)
    }

    @Test func missingFileNamesThePath() {
        #expect(throws: IOTableError.self) { try IOTable.load(path: "/nonexistent/table.csv") }
    }
}
