import Testing
import ImpactModel
@testable import ImpactReports

@Suite("Reports")
struct ReportTests {
    static let model = try! LeontiefModel(table: IOTable(csv: """
        # units: million won
        code,label,A,B,household,exports,total_output
        A,"Goods, misc",10,20,30,40,100
        B,Services,20,10,120,50,200
        compensation,Comp,30,80,0,0,
        operating_surplus,OS,40,90,0,0,
        employment,Employment,5,20,,,
        """, source: "t.csv"))

    @Test func multipliersJSONHasTheDocumentedKeys() throws {
        let report = MultiplierReport(units: Self.model.table.units, multipliers: try Self.model.multipliers(), typeIINote: nil)
        let json = report.render(.json)
        for key in ["\"units\": \"million won\"", "\"sectors\"", "\"output_type1\"", "\"value_added\"", "\"income_type1\"",
                    "\"employment\"", "\"imports\": null", "\"income_multiplier_type1\"", "\"employment_multiplier_type1\"",
                    "\"output_type2\"", "\"income_type2\"", "\"income_multiplier_type2\"", "\"backward_linkage\"",
                    "\"forward_linkage\"", "\"key_sector\""] {
            #expect(json.contains(key), "missing \(key)")
        }
    }

    @Test func csvQuotesLabelsAndLeavesMissingValuesEmpty() throws {
        let csv = MultiplierReport(units: Self.model.table.units, multipliers: try Self.model.multipliers(), typeIINote: nil).render(.csv)
        let lines = csv.split(separator: "\n")
        #expect(lines[0].hasPrefix("code,label,output_type1,value_added,income_type1,employment,imports,"))
        #expect(lines[1].hasPrefix("A,\"Goods, misc\","))
        #expect(lines[1].contains(",,"))  // imports absent
    }

    @Test func impactReportNeverSumsOutputAndValueAdded() throws {
        let result = try Self.model.impact(of: [10, 0])
        let text = ImpactReport(result: result).render(.table)
        #expect(text.contains("must never be added together"))
        let json = ImpactReport(result: result).render(.json)
        #expect(json.contains("\"total\""))
        #expect(!json.contains("economic_effect"))
    }

    @Test func jsonEscapesAndNumbers() {
        let v = JSONValue.object([("a\"b", .string("line\nnext\u{01}")), ("n", .number(Double.nan)), ("x", .number(2.5)), ("i", .int(3))])
        #expect(v.serialized(indent: 0) == "{\"a\\\"b\":\"line\\nnext\\u0001\",\"n\":null,\"x\":2.5,\"i\":3}")
    }

    @Test func textNumbersAreGrouped() {
        #expect(TextTableRenderer.number(1234567.891, decimals: 2) == "1,234,567.89")
        #expect(TextTableRenderer.number(-0.004, decimals: 2) == "0.00")
        #expect(TextTableRenderer.number(nil, decimals: 2) == "-")
    }
}
