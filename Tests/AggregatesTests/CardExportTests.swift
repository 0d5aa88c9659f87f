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

    @Test(arguments: [TextEncoding.utf8, TextEncoding.cp949])
    func sameAggregatesAsTheCanonicalLog(encoding: TextEncoding) throws {
        let (expected, _) = try referenceAggregates(Self.log(.canonical))
        let export = Self.log(.cardExport(encoding))
        // The shape it claims: CP949 is not UTF-8, the header is the preset's, names are quoted.
        #expect((String(validating: export, as: UTF8.self) == nil) == (encoding == .cp949))
        let header = encoding.decode(Array(export.prefix { $0 != 0x0A }))
        #expect(header.hasPrefix("거래일시,가맹점번호,가맹점명,"))
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
            #expect(sameResults(fast, expected), "\(encoding), threads \(threads), batches of \(batchSize)")
        }
    }
}
