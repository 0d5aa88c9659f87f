import Foundation
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
        var out = header
        for k in 0..<200 { out += row(k) }
        if quotedNotes { for k in 200..<203 { out += row(k, note: note) } }
        for k in 203..<400 { out += row(k) }
        return out
    }

    static let header = "note,ts,consumer_id,consumer_region,merchant_id,merchant_region,ksic,amount,status\n"
    static let note = "\"" + (0..<30).map { "line \($0), still quoted" }.joined(separator: "\n") + "\""

    static func row(_ k: Int, note: String = "plain", amount: String? = nil) -> String {
        "\(note),2024-03-0\(k % 9 + 1) 10:00:00,C\(k % 17),47111,M\(k % 5),4711\(k % 3),56111,\(amount ?? String(1000 + k)),approved\n"
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

    /// A log of one round or less (here with the default 1 MiB chunks) is cut exactly: its
    /// quoted notes spanning lines cost no second scan and no notice.
    @Test func aLogOfOneRoundIsCutExactly() throws {
        let dir = ScratchDirectory()
        let path = dir.write("notes.csv", Self.log(quotedNotes: true))
        var scan = LogScan(options: ScanOptions(threads: 2))
        var notices: [String] = []
        scan.onRescan = { file, _ in notices.append(file) }
        let result = try scan.run(paths: [path])
        #expect(notices.isEmpty)
        #expect(result.rows.accepted == 400)
    }

    @Test func aLogWithoutLineBreaksInQuotesIsScannedOnce() throws {
        let dir = ScratchDirectory()
        let path = dir.write("plain.csv", Self.log(quotedNotes: false))
        let (result, notices) = try Self.scan(path, threads: 2)
        #expect(notices.isEmpty)
        #expect(result.rows.accepted == 397)
    }

    /// A log of several files goes through one set of accumulators (`LogAccumulators`). Split
    /// into four parts, the second gzip-compressed, the third holding the quoted notes that
    /// cross cuts (its wrong guess restarts the whole log, with exact cuts from that file on),
    /// it gives the whole file's aggregates, the parts' row counts, each quarantined row once
    /// (a bad row in the first part, before the restart, and one in the last), one notice.
    @Test func aLogOfSeveralFilesEqualsTheWholeFile() throws {
        let dir = ScratchDirectory()
        // Rows 200–202 carry the quoted notes; rows 50 and 350 a bad amount.
        let rows = (0..<400).map { k in
            Self.row(k, note: (200..<203).contains(k) ? Self.note : "plain", amount: k == 50 || k == 350 ? "10x9" : nil)
        }
        let cuts = [0, 100, 180, 300, 400]
        var paths: [String] = []
        for k in 0..<4 {
            var path = dir.write("part\(k).csv", Self.header + rows[cuts[k]..<cuts[k + 1]].joined())
            if k == 1 {
                try gzip(path)
                try FileManager.default.removeItem(atPath: path)
                path += ".gz"
            }
            paths.append(path)
        }
        let whole = dir.write("whole.csv", Self.header + rows.joined())
        var scan = LogScan(options: Self.options(threads: 2))
        var notices: [String] = [], bad: [String] = []
        scan.onRescan = { file, _ in notices.append(file) }
        let parts = try scan.run(paths: paths) { bad.append("\($0.file):\($0.line)") }
        let all = try LogScan(options: Self.options(threads: 1)).run(paths: [whole])
        #expect(notices == [paths[2]])
        #expect(bad == [paths[0] + ":52", paths[3] + ":52"])
        #expect(parts.rows == all.rows && parts.rows.accepted == 398)
        #expect(parts.spending == all.spending && parts.flows == all.flows)
        #expect(parts.consumers == all.consumers && parts.merchants == all.merchants)
        #expect(paths.map { parts.rowsByFile[$0]?.read } == [100, 80, 120, 100])
        #expect(parts.filesRead[paths[1]]?.gzip == true)
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
