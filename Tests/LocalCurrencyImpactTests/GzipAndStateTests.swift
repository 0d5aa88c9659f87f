import Foundation
import Testing
@testable import LocalCurrencyImpact

func gzip(_ path: String) throws {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/gzip")
    p.arguments = ["-kf", path]
    try p.run()
    p.waitUntilExit()
}

@Suite("gzip input and state files end to end")
struct GzipAndStateTests {
    @Test func gzipScanEqualsPlainScan() throws {
        let dir = ScratchDirectory()
        let path = dir.path + "/log.csv"
        try SyntheticLogGenerator(rows: 3000, seed: 5).write(to: path)
        try gzip(path)
        let plain = try LogScan().run(paths: [path])
        let compressed = try LogScan().run(paths: [path + ".gz"])
        #expect(plain.spending == compressed.spending && plain.flows == compressed.flows)
        #expect(plain.consumers == compressed.consumers && plain.merchants == compressed.merchants)
        #expect(compressed.filesRead[path + ".gz"]?.gzip == true)
        #expect(compressed.rows.read == 3000)
    }

    @Test func concatenatedGzipMembersAreOneLog() throws {
        let dir = ScratchDirectory()
        let a = dir.write("a.csv", "ts,consumer_region,merchant_region,ksic,amount\n2024-01-01 00:00:00,1,1,47,10\n")
        let b = dir.write("b.csv", "2024-01-01 00:00:00,1,1,47,32\n")
        try gzip(a)
        try gzip(b)
        let joined = try Data(contentsOf: URL(fileURLWithPath: a + ".gz")) + Data(contentsOf: URL(fileURLWithPath: b + ".gz"))
        let path = dir.path + "/joined.csv.gz"
        try joined.write(to: URL(fileURLWithPath: path))
        let scan = try LogScan().run(paths: [path])
        #expect(scan.netAmount == 42)
        #expect(scan.rows.read == 2)
    }

    @Test func truncatedGzipIsAClearError() throws {
        let dir = ScratchDirectory()
        let path = dir.path + "/log.csv"
        try SyntheticLogGenerator(rows: 2000, seed: 6).write(to: path)
        try gzip(path)
        let full = try Data(contentsOf: URL(fileURLWithPath: path + ".gz"))
        try full.prefix(full.count / 2).write(to: URL(fileURLWithPath: path + ".cut.gz"))
        let error = #expect(throws: ScanError.self) { try LogScan().run(paths: [path + ".cut.gz"]) }
        #expect(error?.message.contains("truncated") == true)
    }
}
