import Testing
@testable import LocalCurrencyImpact

/// A wrong guess of a chunk cut (a quoted field spanning lines crossed it) makes `LogScan`
/// scan the file again with exact cuts; the scan says so through `onRescan` (which
/// `lcimpact scan` prints as a note), and its results are those of a scan that never guessed.
@Suite("A rescan after a wrong cut is reported")
struct RescanNoticeTests {
    /// Plain rows, then (when `quotedNotes`) three rows whose first field is a quoted note of
    /// 30 lines, then plain rows again.
    static func log(quotedNotes: Bool) -> String {
        var out = "note,ts,consumer_id,consumer_region,merchant_id,merchant_region,ksic,amount,status\n"
        func row(_ k: Int, note: String = "plain") -> String {
            "\(note),2024-03-0\(k % 9 + 1) 10:00:00,C\(k % 17),47111,M\(k % 5),4711\(k % 3),56111,\(1000 + k),approved\n"
        }
        for k in 0..<200 { out += row(k) }
        let note = "\"" + (0..<30).map { "line \($0), still quoted" }.joined(separator: "\n") + "\""
        if quotedNotes { for k in 200..<203 { out += row(k, note: note) } }
        for k in 203..<400 { out += row(k) }
        return out
    }

    /// Small chunks, so that the quoted notes cross chunk cuts.
    static func options(threads: Int) -> ScanOptions {
        var options = ScanOptions()
        options.threads = threads
        options.chunkSize = 512
        return options
    }

    static func scan(_ path: String, threads: Int) throws -> (ScanAggregates, [String]) {
        var scan = LogScan(options: options(threads: threads))
        var notices: [String] = []
        scan.onRescan = { file, line in notices.append("\(file):\(line.map(String.init) ?? "-")") }
        return (try scan.run(paths: [path]), notices)
    }

    @Test func aWrongCutIsReportedOnceAndTheResultsAreExact() throws {
        let dir = ScratchDirectory()
        let path = dir.write("notes.csv", Self.log(quotedNotes: true))
        let (parallel, notices) = try Self.scan(path, threads: 2)
        #expect(notices.count == 1)
        #expect(notices.first?.hasPrefix(path + ":") == true)
        let (serial, _) = try Self.scan(path, threads: 1)
        #expect(parallel.rows == serial.rows)
        #expect(parallel.rows.accepted == 400)
        #expect(parallel.spending == serial.spending)
        #expect(parallel.flows == serial.flows)
        #expect(parallel.consumers.count == serial.consumers.count)
    }

    @Test func aLogWithoutLineBreaksInQuotesIsScannedOnce() throws {
        let dir = ScratchDirectory()
        let path = dir.write("plain.csv", Self.log(quotedNotes: false))
        let (result, notices) = try Self.scan(path, threads: 2)
        #expect(notices.isEmpty)
        #expect(result.rows.accepted == 397)
    }

    /// `lcimpact analyze` scans through `ImpactAnalysis`, which passes the notice on.
    @Test func theAnalysisPassesTheNoticeOn() throws {
        let dir = ScratchDirectory()
        let log = dir.write("notes.csv", Self.log(quotedNotes: true))
        let table = dir.write("t.csv", "# units: won\ncode,label,1,final_demand,total_output\n1,S,10,90,100\n")
        let map = dir.write("m.csv", "ksic,sector\n56,1\n")
        var analysis = ImpactAnalysis(logPaths: [log], tablePath: table, concordancePath: map, regions: [47111],
                                      scanOptions: Self.options(threads: 2))
        var notices: [String] = []
        analysis.onRescan = { file, _ in notices.append(file) }
        let report = try analysis.run(quarantine: QuarantineFile())
        #expect(notices == [log])
        #expect(report.rows.accepted == 400)
    }
}
