import Testing
@testable import TransactionIO
@testable import Aggregates

/// A scan lists the first quarantined rows of the log in file order (`QuarantineListing`: by
/// default 100,000 rows or 32 MiB) and counts every row; chunks keep only the rows that could
/// still be listed. Before, every bad row was kept in memory until its round ended: a 60 MB
/// file of 30 M two-byte bad lines took 4.99 GB.
@Suite("Quarantine listing")
struct QuarantineListingTests {
    @Test func listingAdmitsTheFirstRowsThenCloses() {
        var listing = QuarantineListing(rowLimit: 3, byteLimit: 100)
        let admitted = [40, 40, 30, 1].map { listing.admit(rawBytes: $0) }
        // 110 bytes would pass the byte limit: the third is refused, and the listing is closed,
        // so the fourth is refused though it would fit.
        #expect(admitted == [true, true, false, false])
        #expect(listing.rows == 2 && listing.bytes == 80 && listing.rowsLeft == 0)
        var rows = QuarantineListing(rowLimit: 2, byteLimit: 1 << 20)
        #expect([5, 5, 0].map { rows.admit(rawBytes: $0) } == [true, true, false])
    }

    /// Whatever the threads and chunk sizes, the listed rows are the reference's first ones
    /// (by count, or by bytes), and the aggregates and counts by reason are the reference's.
    @Test(arguments: [(UInt64(31), 1, 64), (32, 2, 100), (33, 3, 257), (34, 2, 4096)])
    func listedRowsAreTheFirstOnes(seed: UInt64, threads: Int, chunkSize: Int) throws {
        let bytes = hostileLog(rows: 600, seed: seed)
        let (reference, referenceBad) = try referenceAggregates(bytes)
        #expect(referenceBad.count > 40)
        // By rows.
        var options = ScanOptions(batchSize: 7, chunkSize: chunkSize, threads: threads)
        options.quarantineListing = QuarantineListing(rowLimit: 13)
        let (fast, fastBad) = try fastAggregates(bytes, options: options)
        #expect(sameResults(fast, reference))
        #expect(fastBad == Array(referenceBad.prefix(13)))
        // By bytes: rows until the next one would pass the limit.
        let byteLimit = referenceBad.prefix(20).reduce(0) { $0 + $1.raw.count } - 1
        options.quarantineListing = QuarantineListing(rowLimit: 1_000, byteLimit: byteLimit)
        let (byBytes, byBytesBad) = try fastAggregates(bytes, options: options)
        #expect(sameResults(byBytes, reference))
        #expect(byBytesBad == Array(referenceBad.prefix(19)))
        // Nothing listed.
        options.quarantineListing = QuarantineListing(rowLimit: 0)
        let (none, noneBad) = try fastAggregates(bytes, options: options)
        #expect(sameResults(none, reference) && noneBad.isEmpty)
    }

    /// A chunk keeps at most the rows still listable when its round began, and the kept rows
    /// are where the listing's rows come from: with one row left, each chunk keeps one.
    @Test func chunksKeepOnlyWhatCanBeListed() throws {
        var text = "ts,consumer_region,merchant_region,ksic,amount\n"
        for k in 0..<50 { text += k % 2 == 0 ? "x\n" : "2024-01-05 10:00:00,1,1,47,\(k)\n" }
        let bytes = Array(text.utf8)
        let layout = try bytes.withUnsafeBytes { try LogLayout(bytes: $0, file: "t.csv", options: ScanOptions()) }
        let parser = ChunkParser(layout: layout, batchSize: 8)
        let outcome = bytes.withUnsafeBytes {
            parser.parse($0, start: layout.dataStart, limit: $0.count, isFinal: true, file: "t.csv", keepQuarantined: 1) { _ in }
        }
        #expect(outcome.accounting.quarantined == 25 && outcome.rejected.count == 1)
        var listing = QuarantineListing(rowLimit: 5)
        let rows = bytes.withUnsafeBytes { outcome.listed(in: $0, file: "t.csv", movedDown: 2, listing: &listing) }
        #expect(rows.map(\.line) == [2] && rows.first?.raw == Array("x".utf8) && rows.first?.reason == .wrongFieldCount)
    }
}
