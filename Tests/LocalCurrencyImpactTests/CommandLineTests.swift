import Foundation
import Testing

/// Runs the built `lcimpact` binary (it sits next to the test bundle).
func runCLI(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    let testBinary = URL(fileURLWithPath: CommandLine.arguments[0])
    var directory = testBinary.deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("lcimpact").path) && directory.path != "/" {
        directory = directory.deletingLastPathComponent()
    }
    let process = Process()
    process.executableURL = directory.appendingPathComponent("lcimpact")
    process.arguments = arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, stdout, stderr)
}

/// The repository root, from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

@Suite("Command line")
struct CommandLineTests {
    @Test func multipliersJSONForTheSampleTable() throws {
        let r = try runCLI(["multipliers", "--io", repositoryRoot + "/SampleData/miller_blair_2_3.csv", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"units\": \"dollars\""))
        #expect(r.stdout.contains("\"output_type1\": 1.518"))
    }

    @Test func impactTableForMillerBlair() throws {
        let r = try runCLI(["impact", "--io", repositoryRoot + "/SampleData/miller_blair_2_3.csv",
                            "--demand", repositoryRoot + "/SampleData/miller_blair_demand.csv", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("1,Sector 1,600,1247.52"))
    }

    @Test func badTableExitsWithOneAndALocatedMessage() throws {
        let dir = ScratchDirectory()
        let bad = dir.write("bad.csv", "# units: won\ncode,label,a,f,total_output\na,A,-1,90,100\n")
        let r = try runCLI(["multipliers", "--io", bad])
        #expect(r.status == 1)
        #expect(r.stderr.contains("bad.csv:3:3: error:"))
        #expect(r.stderr.contains("negative"))
    }

    @Test func usageErrorsQuoteTheToken() throws {
        let r = try runCLI(["multipliers", "--io", "x.csv", "--format", "yaml"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("yaml"))
    }

    @Test func generateScanAndMaxBadRows() throws {
        let dir = ScratchDirectory()
        let log = dir.path + "/log.csv"
        let g = try runCLI(["generate", "--rows", "500", "--seed", "1", "--out", log])
        #expect(g.status == 0, "\(g.stderr)")
        let s = try runCLI(["scan", log, "--format", "json"])
        #expect(s.status == 0)
        #expect(s.stdout.contains("\"read\": 500"))
        #expect(s.stdout.contains("\"by_region_industry\""))
        #expect(s.stdout.contains("\"flows\""))
        // State files: scanning the halves and merging equals scanning the whole.
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        let first = dir.write("first.csv", lines[0...250].joined(separator: "\n") + "\n")
        let second = dir.write("second.csv", ([lines[0]] + lines[251...]).joined(separator: "\n") + "\n")
        #expect(try runCLI(["scan", first, "--state-out", dir.path + "/a.state", "--quiet"]).status == 0)
        #expect(try runCLI(["scan", second, "--state-out", dir.path + "/b.state", "--quiet"]).status == 0)
        let merged = try runCLI(["merge", dir.path + "/a.state", dir.path + "/b.state", "--format", "json"])
        #expect(merged.status == 0, "\(merged.stderr)")
        func field(_ json: String, _ key: String) -> Substring? {
            json.split(separator: "\n").first { $0.contains("\"\(key)\":") }
        }
        #expect(field(merged.stdout, "net_amount") == field(s.stdout, "net_amount"))
        #expect(merged.stdout.contains("\"read\": 500"))
        let corrupt = dir.write("c.state", "LCIMPAGG garbage")
        let refused = try runCLI(["merge", corrupt])
        #expect(refused.status == 1 && refused.stderr.contains("c.state"))

        let bad = dir.write("bad.csv", "ts,consumer_region,merchant_region,ksic,amount\nx,1,1,1,1\nx,1,1,1,1\n")
        let q = dir.path + "/q.csv"
        let stopped = try runCLI(["scan", bad, "--max-bad-rows", "1", "--quarantine", q])
        #expect(stopped.status == 3)
        #expect(stopped.stderr.contains("more than the limit"))
    }

    /// `generate --shape card-export --encoding cp949`: the same transactions as the canonical
    /// log, which `scan` reads through the Korean preset and the detected encoding (it says so).
    /// `--region-digits 5` reads 10-digit 법정동 codes as their 시군구 codes; 0 is refused.
    @Test func regionDigits() throws {
        let dir = ScratchDirectory()
        let log = dir.write("dong.csv", """
            ts,consumer_region,merchant_region,ksic,amount
            2024-01-05 10:00:00,4711110100,4711310200,56111,100
            2024-01-05 11:00:00,4711110300,4711110100,56111,50

            """)
        let r = try runCLI(["scan", log, "--region-digits", "5", "--format", "json", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"merchant_region\": \"47113\"") && r.stdout.contains("\"merchant_region\": \"47111\""))
        #expect(!r.stdout.contains("4711310200"))
        // --region-map renames after the cut: 47113 (as cut) → 47111, so one merchant region is left.
        let map = dir.write("map.csv", "old,new\r\n47113,47111\r\n")
        let renamed = try runCLI(["scan", log, "--region-digits", "5", "--region-map", map, "--format", "json", "--quiet"])
        #expect(renamed.status == 0 && !renamed.stdout.contains("\"merchant_region\": \"47113\""), "\(renamed.stderr)")
        let badMap = try runCLI(["scan", log, "--region-map", dir.write("bad.csv", "47113,x\n"), "--quiet"])
        #expect(badMap.status == 1 && badMap.stderr.contains("bad.csv:1") && badMap.stderr.contains("old,new"))
        let refused = try runCLI(["scan", log, "--region-digits", "0", "--quiet"])
        #expect(refused.status == 64 && refused.stderr.contains("--region-digits must be 1 to 18"))
    }

    @Test func generateACardExport() throws {
        let dir = ScratchDirectory()
        let canonical = dir.path + "/log.csv", export = dir.path + "/export.csv"
        #expect(try runCLI(["generate", "--rows", "800", "--seed", "3", "--out", canonical]).status == 0)
        let g = try runCLI(["generate", "--rows", "800", "--seed", "3", "--shape", "card-export", "--encoding", "cp949", "--out", export])
        #expect(g.status == 0, "\(g.stderr)")
        let a = try runCLI(["scan", canonical, "--format", "json", "--quiet"])
        let b = try runCLI(["scan", export, "--format", "json"])
        #expect(b.status == 0 && b.stderr.contains("cp949"), "\(b.stderr)")
        // Everything but the files section (names, encodings, column mappings) must agree.
        func withoutFiles(_ json: String) -> [Substring] {
            var lines: [Substring] = [], skipping = false
            for line in json.split(separator: "\n") {
                if line.hasPrefix("  \"files\": [") { skipping = true }
                if !skipping { lines.append(line) }
                if skipping && line.hasPrefix("  ]") { skipping = false }
            }
            return lines
        }
        #expect(withoutFiles(a.stdout).count > 20 && withoutFiles(a.stdout) == withoutFiles(b.stdout))
        // The timestamp split over 거래일자 and 거래시간: the same aggregates, and the files section
        // names both columns.
        let split = dir.path + "/split.csv"
        #expect(try runCLI(["generate", "--rows", "800", "--seed", "3", "--shape", "card-export", "--separate-date-time", "--out", split]).status == 0)
        let c = try runCLI(["scan", split, "--format", "json", "--quiet"])
        #expect(c.status == 0 && withoutFiles(c.stdout) == withoutFiles(a.stdout))
        #expect(c.stdout.contains("\"date\": \"거래일자\"") && c.stdout.contains("\"time\": \"거래시간\""))
        let refused = try runCLI(["generate", "--rows", "5", "--encoding", "cp949", "--out", dir.path + "/x.csv"])
        #expect(refused.status == 64 && refused.stderr.contains("card-export"))
        let refusedSplit = try runCLI(["generate", "--rows", "5", "--separate-date-time", "--out", dir.path + "/x.csv"])
        #expect(refusedSplit.status == 64 && refusedSplit.stderr.contains("card-export"))
    }
}
