import LocalCurrencyImpact
import Testing

/// The hostile-input catalogue for IO tables and concordances (issue 5): each gets an
/// `IOTableError` (or a warning) that names the file, line and column and says what to
/// do. Tests only: the loader and the model belong to Sources/ImpactModel.
@Suite("Hostile IO tables and concordances")
struct HostileTableTests {
    /// Loads `csv` and builds the model; returns the error, or nil when both succeed.
    static func failure(_ csv: String) -> IOTableError? {
        do throws(IOTableError) {
            _ = try LeontiefModel(table: IOTable(csv: csv, source: "t.csv"))
            return nil
        } catch {
            return error
        }
    }

    static let twoSectors = """
        # units: million won
        code,label,a,b,household,total_output
        a,A,10,5,85,100
        b,B,5,5,90,100
        compensation,Comp,40,40,0,
        operating_surplus,OS,45,50,0,
        """

    @Test func negativeFlow() throws {
        let error = try #require(Self.failure(Self.twoSectors.replacingOccurrences("a,A,10,5,85,100", "a,A,10,-5,85,100")))
        #expect(error.code == .negativeValue)
        #expect(error.file == "t.csv" && error.line == 3 && error.column == 4)
        #expect(error.description.hasPrefix("t.csv:3:4: error:"))
        #expect(error.message.contains("'b' of row 'a'") && error.message.contains("negative"))
        #expect(error.hint.contains("sign"))
    }

    @Test(arguments: ["NaN", "nan", "inf", "-Infinity", "1e400", "12abc"])
    func nonFiniteOrNonNumericCell(_ cell: String) throws {
        let error = try #require(Self.failure(Self.twoSectors.replacingOccurrences("b,B,5,5,90,100", "b,B,5,\(cell),90,100")))
        #expect(error.code == .invalidNumber, "\(cell)")
        #expect(error.line == 4 && error.column == 4, "\(cell): \(error)")
        #expect(error.message.contains("'\(cell)'"), "\(cell): \(error)")
        #expect(error.hint.contains("NaN and infinity are not allowed"))
    }

    @Test func zeroOutputSector() throws {
        // With flows: an error at the sector's total_output cell.
        let error = try #require(Self.failure("""
            # units: won
            code,label,a,b,final,total_output
            a,A,10,0,90,100
            b,B,5,0,0,0
            """))
        #expect(error.code == .zeroOutput && error.line == 4 && error.column == 6)
        #expect(error.message.contains("'b' has total output 0"))
        #expect(error.hint.contains("total output"))
        // Without flows: allowed, with a warning naming the sector, and null ratios.
        let table = try IOTable(csv: """
            # units: won
            code,label,a,b,final,total_output
            a,A,10,0,90,100
            b,B,0,0,0,0
            value_added,VA,90,0,0,
            """, source: "t.csv")
        #expect(table.warnings.contains { $0.description.hasPrefix("t.csv: warning:") && $0.message.contains("'b' has zero output") })
        let m = try LeontiefModel(table: table).multipliers()
        #expect(m[1].outputType1 == 1 && m[1].incomeMultiplierType1 == nil)
    }

    /// (I − A) singular: every unit of a's output is b's input and vice versa. With A ≥ 0,
    /// a singular (I − A) always has a column sum of A ≥ 1, so the Hawkins–Simon check
    /// names the sector before any factorization.
    @Test func singularLeontiefMatrix() throws {
        let error = try #require(Self.failure("""
            # units: won
            code,label,a,b,final,total_output
            a,A,0,100,0,100
            b,B,100,0,0,100
            """))
        #expect(error.code == .notProductive)
        #expect(error.file == "t.csv" && error.column == 3)
        #expect(error.message.contains("sector 'a'") && error.message.contains("Hawkins–Simon"))
        #expect(error.hint.contains("column of flows"))
    }

    @Test
    func singularLeontiefMatrixLocationIsUnambiguous() throws {
        let error = try #require(Self.failure("""
            # units: won
            code,label,a,b,final,total_output
            a,A,0,100,0,100
            b,B,100,0,0,100
            """))
        #expect(error.description.hasPrefix("t.csv:2:3: error:"))
    }

    @Test
    func numericallySingularLeontiefMatrix() throws {
        let error = Self.failure("""
            # units: won
            code,label,a,b,final,total_output
            a,A,0,99.99999999999999,0,100
            b,B,99.99999999999999,0,0,100
            """)
        #expect(error?.code == .singular)
    }

    static let concordanceTable = try! IOTable(csv: """
        # units: million won
        code,label,A,B,C,household,total_output
        A,Goods,10,5,0,85,100
        B,Retail,5,5,5,85,100
        C,Food service,5,5,5,85,100
        compensation,Comp,40,40,40,0,
        operating_surplus,OS,40,45,50,0,
        """, source: "table.csv")

    @Test func concordanceMapsACodeTwice() throws {
        func error(_ csv: String) -> IOTableError? {
            #expect(throws: IOTableError.self) { try Concordance(csv: csv, source: "map.csv", table: Self.concordanceTable) }
        }
        // The same code to the same sector twice (also with spaces around it).
        for csv in ["ksic,sector\n56,C\n47,B\n56,C\n", "ksic,sector\n56,C\n47,B\n 56 ,C\n"] {
            let e = try #require(error(csv))
            #expect(e.code == .duplicateMapping && e.line == 4 && e.column == 1, "\(e)")
            #expect(e.description.hasPrefix("map.csv:4:1: error:"))
            #expect(e.message.contains("code '56'") && e.message.contains("also on line 2"))
            #expect(e.hint.contains("shares"))
        }
        // The same code to two sectors without shares: each takes all of it, which is refused.
        let e = try #require(error("ksic,sector\n56,C\n56,B\n"))
        #expect(e.code == .invalidShare && e.line == 2)
        #expect(e.message.contains("code '56'") && e.message.contains("sum to 2"))
        #expect(e.hint.contains("add up to 1"))
    }

    /// The table catalogue through the command line: exit code 1 and a located message.
    @Test func tableErrorsThroughTheCommandLine() throws {
        let dir = Scratch()
        let cases = [
            ("negative.csv", Self.twoSectors.replacingOccurrences("a,A,10,5,85,100", "a,A,10,-5,85,100"), "negative.csv:3:4: error:"),
            ("nan.csv", Self.twoSectors.replacingOccurrences("b,B,5,5,90,100", "b,B,NaN,5,90,100"), "nan.csv:4:3: error:"),
        ]
        for (name, csv, location) in cases {
            let r = try CLI.run(["multipliers", "--io", dir.write(name, csv)])
            #expect(r.status == 1 && r.stderr.contains(location), "\(name): \(r.stderr)")
        }
    }
}

extension String {
    /// The text with every `a` replaced by `b` (without Foundation).
    func replacingOccurrences(_ a: String, _ b: String) -> String {
        split(separator: a, omittingEmptySubsequences: false).joined(separator: b)
    }
}
