import Foundation
import Testing
@testable import LocalCurrencyImpact

@Suite("Regional commands and the regional analysis")
struct RegionalCommandLineTests {
    static let table = repositoryRoot + "/SampleData/synthetic_region_33.csv"
    static let employment = repositoryRoot + "/SampleData/synthetic_city_employment.csv"
    static let margins = repositoryRoot + "/SampleData/synthetic_region_33_margins.csv"
    static let concordance = repositoryRoot + "/SampleData/synthetic_region_33_concordance.csv"

    @Test func regionalizeWritesATableTheOtherCommandsRead() throws {
        let dir = ScratchDirectory()
        let out = dir.path + "/city.csv"
        let r = try runCLI(["regionalize", "--io", Self.table, "--employment", Self.employment, "--method", "flq", "--delta", "0.25",
                            "--out", out, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"lambda\": 0.") && r.stdout.contains("\"slq\"") && r.stdout.contains("\"regional_purchase_coefficients\""))
        let m = try runCLI(["multipliers", "--io", out, "--format", "csv"])
        #expect(m.status == 0, "\(m.stderr)")
        #expect(!m.stderr.contains("warning"), "the regional table must balance: \(m.stderr)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("# Regionalized from") && text.contains("imports_rest_of_nation,"))
    }

    @Test func twoRegionImpactSplitsTheEffects() throws {
        let r = try runCLI(["impact", "--io", Self.table, "--demand", repositoryRoot + "/SampleData/demand_example.csv",
                            "--employment", Self.employment, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"in_region_share_of_output_type1\"") && r.stdout.contains("\"rest_of_nation\""))
    }

    @Test func analyzeWithRegionMarginsAndDraws() throws {
        let dir = ScratchDirectory()
        let out = dir.path + "/analysis"
        let r = try runCLI(["analyze", repositoryRoot + "/SampleData/sample_log.csv", "--io", Self.table, "--concordance", Self.concordance,
                            "--region", "47111,47113", "--employment", Self.employment, "--margins", Self.margins,
                            "--draws", "500", "--coefficient-draws", "20", "--incremental-share", "0.2", "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        for file in ["summary.md", "analysis.json", "impact.csv", "monthly.csv", "two_region_impact.csv"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + file), "\(file)")
        }
        let summary = try String(contentsOfFile: out + "/summary.md", encoding: .utf8)
        #expect(summary.contains("## Net effects and costs") && summary.contains("Benefit–cost ratios compare net **value added**"))
        #expect(summary.contains("## Uncertainty: 500 draws") && summary.contains("## By month"))
        let json = try String(contentsOfFile: out + "/analysis.json", encoding: .utf8)
        #expect(json.contains("\"incremental_share\": 0.2") && json.contains("\"benefit_cost_ratio\"") && json.contains("\"model\": \"two_region\""))
        #expect(!json.contains("economic_effect"))
    }

    struct UsageCase: Sendable, CustomStringConvertible {
        let arguments: [String]
        let status: Int32
        let mentions: String
        var description: String { arguments.joined(separator: " ") }
    }

    @Test(arguments: [
        UsageCase(arguments: ["--funding", "0.5,0.5"], status: 64, mentions: "--funding"),
        UsageCase(arguments: ["--incremental-share", "1.5"], status: 64, mentions: "--incremental-share"),
        UsageCase(arguments: ["--coefficient-cv", "0.9"], status: 64, mentions: "--coefficient-cv"),
        UsageCase(arguments: ["--method", "lq"], status: 64, mentions: "lq"),
    ])
    func badSettingsAreUsageErrors(_ c: UsageCase) throws {
        let r = try runCLI(["analyze", repositoryRoot + "/SampleData/sample_log.csv", "--io", Self.table, "--concordance", Self.concordance,
                            "--region", "47111"] + c.arguments)
        #expect(r.status == c.status, "\(r.stderr)")
        #expect(r.stderr.contains(c.mentions), "\(r.stderr)")
    }

    @Test func badRegionalFileIsLocated() throws {
        let dir = ScratchDirectory()
        let bad = dir.write("jobs.csv", "sector,employment\n01,10\nXX,5\n")
        let r = try runCLI(["regionalize", "--io", Self.table, "--employment", bad])
        #expect(r.status == 1)
        #expect(r.stderr.contains("jobs.csv:3:1: error:") && r.stderr.contains("'XX'"))
    }

    /// `lcimpact` stops OpenBLAS's load-time worker threads first thing (they spin for 0.1 s);
    /// a command that then does BLAS work large enough for threads (a 400-sector table) must
    /// get them back and the same multipliers as the library computes in this process.
    @Test func blasWorksAfterTheIdleThreadsAreStopped() throws {
        let dir = ScratchDirectory()
        let path = dir.path + "/t400.csv"
        let g = try runCLI(["generate-table", "--sectors", "400", "--seed", "5", "--out", path])
        #expect(g.status == 0, "\(g.stderr)")
        let m = try runCLI(["multipliers", "--io", path, "--format", "csv"])
        #expect(m.status == 0, "\(m.stderr)")
        let lines = m.stdout.split(separator: "\n").dropFirst()
        let cli = lines.map { Double($0.split(separator: ",")[2])! }
        let expected = try LeontiefModel(table: IOTable.load(path: path)).multipliers().map(\.outputType1)
        #expect(cli.count == 400 && expected.count == 400)
        #expect(zip(cli, expected).allSatisfy { abs($0 - $1) <= 1e-12 * $1 })
    }

    @Test func generatedTableRoundTripsAndReportsTheSolverPath() throws {
        let dir = ScratchDirectory()
        let path = dir.path + "/t.csv"
        let g = try runCLI(["generate-table", "--sectors", "60", "--seed", "3", "--out", path])
        #expect(g.status == 0, "\(g.stderr)")
        let m = try runCLI(["multipliers", "--io", path, "--format", "csv", "--precision", "mixed", "--timing"])
        #expect(m.status == 0, "\(m.stderr)")
        #expect(m.stderr.contains("timing: sectors 60") && m.stderr.contains("refinement converged"))
        let table = try IOTable.load(path: path)
        let expected = try LeontiefModel(table: IOTable.synthetic(sectors: 60, seed: 3)).multipliers()
        let loaded = try LeontiefModel(table: table).multipliers()
        #expect(zip(expected, loaded).allSatisfy { $0.outputType1 == $1.outputType1 }, "CSV must round-trip exactly")
        let e = try runCLI(["extraction", "--io", path, "--format", "csv"])
        #expect(e.status == 0 && e.stdout.hasPrefix("code,label,total_loss,total_loss_share,backward_loss,backward_loss_share"))
    }
}
