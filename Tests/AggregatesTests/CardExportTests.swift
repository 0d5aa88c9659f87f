import Testing
@testable import TransactionIO
@testable import Aggregates

/// `lcimpact generate --shape card-export` writes a seed's transactions as a card-company export
/// (Korean preset headers in another column order, Korean names, a third of them quoted with a
/// comma inside, Korean channels, compact timestamps, a Y/N flag, CRLF). Scanning it must give
/// exactly the canonical log's aggregates: the header maps through the preset, the encoding is
/// detected, and the rows take the text walker (`TextRowWalker`) or the block scan.
@Suite("Card-company export shape")
struct CardExportTests {
    static func log(_ shape: SyntheticLogShape, rows: Int = 30_000) -> [UInt8] {
        var out: [UInt8] = []
        SyntheticLogGenerator(rows: rows, seed: 9, shape: shape).generate { out += $0 }
        return out
    }

    /// Also with the timestamp split over 거래일자 and 거래시간 (`--separate-date-time`), which the
    /// block scan reads.
    @Test(arguments: [(TextEncoding.utf8, false), (.cp949, false), (.utf8, true), (.cp949, true)])
    func sameAggregatesAsTheCanonicalLog(encoding: TextEncoding, split: Bool) throws {
        let (expected, _) = try referenceAggregates(Self.log(.canonical))
        let export = Self.log(.cardExport(encoding, separateDateAndTime: split))
        // The shape it claims: CP949 is not UTF-8, the header is the preset's, names are quoted.
        #expect((String(validating: export, as: UTF8.self) == nil) == (encoding == .cp949))
        let header = encoding.decode(Array(export.prefix { $0 != 0x0A }))
        #expect(header.hasPrefix(split ? "거래일자,거래시간,가맹점번호,가맹점명," : "거래일시,가맹점번호,가맹점명,"))
        let quotes = export.lazy.filter { $0 == 0x22 }.count
        #expect(quotes > 30_000 / 5 && quotes < 30_000)  // two a quoted name, about 30 % of rows

        let (reference, referenceBad) = try referenceAggregates(export)
        #expect(referenceBad.isEmpty)
        #expect(sameResults(reference, expected))
        // Batches of 16 and 64 rows: the text walker's runs of 64 rows end on a full batch.
        for (threads, batchSize) in [(1, 4_096), (2, 4_096), (1, 16), (2, 64)] {
            let options = ScanOptions(batchSize: batchSize, chunkSize: 1 << 16, threads: threads)
            let (fast, fastBad) = try fastAggregates(export, options: options)
            #expect(fastBad.isEmpty)
            #expect(sameResults(fast, expected), "\(encoding), split \(split), threads \(threads), batches of \(batchSize)")
        }
    }

    /// A split-timestamp export with bad dates and times among its rows, cut at every byte
    /// offset: the parallel scan gives the reference's aggregates and quarantine every time.
    @Test func splitTimestampsAtEveryChunkBoundary() throws {
        var bytes = Self.log(.cardExport(.cp949, separateDateAndTime: true), rows: 12)
        for bad in ["20240230,101010", "20240105,93015", "2024-01-05,24:00:00", "20240105,12:30"] {
            bytes += try #require(TextEncoding.cp949.encode("\(bad),M000001,동해 학원 본점,47111,85501,C00000001,47111,9000,카드,N\r\n"))
        }
        bytes += Self.log(.cardExport(.cp949, separateDateAndTime: true), rows: 6).drop { $0 != 0x0A }.dropFirst()
        let (reference, referenceBad) = try referenceAggregates(bytes)
        #expect(reference.rows.read == 22 && reference.rows.accepted == 19)
        #expect(referenceBad.map(\.reason) == [.invalidTimestamp, .invalidTimestamp, .invalidTimestamp])
        #expect(referenceBad.map(\.column) == [1, 2, 2])
        for chunkSize in 1...bytes.count {
            let (fast, fastBad) = try fastAggregates(bytes, options: ScanOptions(batchSize: 3, chunkSize: chunkSize, threads: 2))
            if !sameResults(fast, reference) || fastBad != referenceBad {
                Issue.record("chunk size \(chunkSize): results differ")
                return
            }
        }
    }
}
