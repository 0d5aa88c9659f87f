import Foundation
import Testing
@testable import LocalCurrencyImpact

/// A log whose last line was cut short (an interrupted export or copy) is named as such on
/// every path of the engine: mapped file with one or two workers and small chunks, and gzip.
@Suite("A log cut short")
struct TruncatedLogTests {
    static let header = "ts,consumer_region,merchant_region,ksic,amount\n"

    static func reasons(_ path: String, threads: Int) throws -> [String] {
        var bad: [String] = []
        var options = ScanOptions()
        options.threads = threads
        options.chunkSize = 64
        let scan = try LogScan(options: options).run(paths: [path]) {
            bad.append("\($0.line):\($0.column.map(String.init) ?? "-"):\($0.reason.rawValue)")
        }
        #expect(scan.rows.read == scan.rows.accepted + scan.rows.quarantined)
        return bad
    }

    @Test func cutLastLineIsTruncatedOnEveryPath() throws {
        let dir = ScratchDirectory()
        var text = Self.header
        for day in 1...20 { text += "2024-01-\(day < 10 ? "0" : "")\(day) 10:00:00,1,1,47,\(day)\n" }
        let cut = dir.write("cut.csv", text + "2024-01-21 10:00:00,1,1")
        let complete = dir.write("complete.csv", text + "2024-01-21 10:00:00,1,1\n")
        try gzip(cut)
        for threads in [1, 2] {
            #expect(try Self.reasons(cut, threads: threads) == ["22:3:truncated_last_line"])
            #expect(try Self.reasons(complete, threads: threads) == ["22:-:wrong_field_count"])
        }
        #expect(try Self.reasons(cut + ".gz", threads: 1) == ["22:3:truncated_last_line"])
    }
}
