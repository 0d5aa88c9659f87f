import Foundation
import Testing
@testable import LocalCurrencyImpact
@testable import TransactionIO

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

    /// The compressed pages already inflated leave the reader's mapping as it goes, so a gzip
    /// scan's resident memory does not grow with the file (before, the whole file stayed
    /// resident: 996 MB peak for the 760 MB gzip of the 32 M-row log, 410 MB for the plain log).
    @Test func gzipReaderReleasesWhatItHasInflated() throws {
        let dir = ScratchDirectory()
        let path = dir.path + "/log.csv"
        try SyntheticLogGenerator(rows: 100_000, seed: 7).write(to: path)
        try gzip(path)
        let reader = try GzipLogReader(path: path + ".gz", blockSize: 1 << 20)
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        var blocks = 0, text = 0
        while let block = try reader.next() {
            blocks += 1
            text += block.count
            #expect(reader.compressedReleased <= reader.compressedDone)
            #expect(reader.compressedDone - reader.compressedReleased < page)
        }
        let plainBytes = try Data(contentsOf: URL(fileURLWithPath: path)).count
        #expect(blocks > 5 && text == plainBytes)
        #expect(reader.compressedSize > 1 << 20 && reader.compressedReleased > reader.compressedSize - page)
    }

    /// The quarantine listing spans the files of a log (plain and gzip alike): the first rows
    /// of the log are listed, then the listing closes for every later file; each file's
    /// accounting still counts all of its rows. The CLI's quarantine file says how many rows
    /// were counted but not listed.
    @Test func quarantineListingSpansTheLogsFiles() throws {
        let dir = ScratchDirectory()
        let header = "ts,consumer_region,merchant_region,ksic,amount\n"
        let a = dir.write("a.csv", header + String(repeating: "x\n2024-01-05 10:00:00,1,1,47,5\n", count: 30))
        let b = dir.write("b.csv", header + String(repeating: "y\n", count: 40))
        try gzip(b)
        var options = ScanOptions(chunkSize: 64, threads: 2)
        options.quarantineListing = QuarantineListing(rowLimit: 45)
        var listed: [QuarantinedRow] = []
        let scan = try LogScan(options: options).run(paths: [a, b + ".gz"]) { listed.append($0) }
        #expect(scan.rows.quarantined == 70 && scan.rows.accepted == 30)
        #expect(listed.count == 45 && listed.filter { $0.file == a }.count == 30)
        #expect(listed.last?.file == b + ".gz" && listed.last?.line == 16)

        let file = QuarantineFile()
        listed.forEach(file.add)
        #expect(file.csv(quarantinedTotal: scan.rows.quarantined).hasSuffix(
            "# 25 further quarantined rows not listed (the file lists the first 100000 rows or 32 MiB of them, --quarantine-rows and --quarantine-mib; the scan summary counts every row by reason)\n"))
        #expect(!file.csv(quarantinedTotal: 45).contains("further"))
    }

    /// A record longer than `QuarantinedRow.recordLimit` (a quote opened and closed 65 MiB
    /// later, never closed, or a last line that long) gives the plain log's rows in a gzip log
    /// too, where it is read past instead of kept (`LongRecordSkipper`).
    @Test(arguments: ["closed", "unclosed", "lastLine"])
    func longRecordsInGzipAsInPlainLogs(_ kind: String) throws {
        let dir = ScratchDirectory()
        let header = "tx_id,ts,consumer_id,consumer_region,merchant_id,merchant_region,ksic,amount,note,status\n"
        let good = "T1,2024-01-05 10:00:00,C1,47111,M1,47111,56111,1000,ok,approved\r\n"
        var bytes = Array((header + good + "T2,2024-01-05 10:00:00,C1,47111,M1,47111,56111,700,\"").utf8)
        bytes += [UInt8](repeating: 0x78, count: (65 << 20))
        switch kind {
        case "closed": bytes += Array("\n\",approved\r\n\(good)\(good)".utf8)
        case "unclosed": bytes += Array(",approved\n\(good)".utf8)
        default: bytes += Array("\",approved\r".utf8)
        }
        let path = dir.path + "/long.csv"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        try gzip(path)
        var plainBad: [QuarantinedRow] = [], gzipBad: [QuarantinedRow] = []
        let plain = try LogScan().run(paths: [path]) { plainBad.append($0) }
        let compressed = try LogScan().run(paths: [path + ".gz"]) { gzipBad.append($0) }
        #expect(plain.rows.read == (kind == "closed" ? 4 : 2) && plain.rows.quarantined == 1)
        #expect(plainBad.first?.reason == (kind == "unclosed" ? .unterminatedQuote : .recordTooLong))
        #expect(compressed.rows == plain.rows && compressed.spending == plain.spending && compressed.consumers == plain.consumers)
        let strip = { (rows: [QuarantinedRow]) in rows.map { [$0.line, Int64($0.column ?? -1), Int64($0.rawLength)] } }
        #expect(strip(gzipBad) == strip(plainBad) && gzipBad.map(\.raw) == plainBad.map(\.raw))
    }

    /// Pages dropped from a mapping (a search or a chunk that ran far) are read again from
    /// the file when touched: the bytes do not change. A quote left open early in a plain log
    /// gives the same rows with dropping (the other tests) and kept its 2.8 GB of pages
    /// resident before.
    @Test func droppedPagesReadTheSameBytes() throws {
        let dir = ScratchDirectory()
        let path = dir.path + "/log.csv"
        try SyntheticLogGenerator(rows: 20_000, seed: 8).write(to: path)
        let file = try TransactionIO.MappedFile(path: path)
        let before = file.withBytes { Array($0) }
        file.dropPages(from: 0, to: file.count)
        file.dropPages(from: 100, to: 50)  // an empty range: nothing
        #expect(file.withBytes { Array($0) } == before)
        let bytes = before
        let start = bytes.withUnsafeBytes { ParallelScanDriver.recordStart($0, at: 5_000, inside: false, dropping: file) }
        #expect(start == bytes.withUnsafeBytes { ParallelScanDriver.recordStart($0, at: 5_000, inside: false) })
        #expect(bytes[start - 1] == 0x0A)
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
