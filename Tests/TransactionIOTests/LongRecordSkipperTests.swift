import Testing
@testable import TransactionIO

/// `LongRecordSkipper` reads past a record fed in pieces, keeping its start, length, quote
/// state, fields and newlines, as the record reader would see the same bytes.
@Suite("Long records in streamed logs")
struct LongRecordSkipperTests {
    static func feed(_ pieces: [String], delimiter: UInt8 = 0x2C) -> (LongRecordSkipper, ended: Int?, piece: Int) {
        var skipper = LongRecordSkipper(delimiter: delimiter)
        for (k, piece) in pieces.enumerated() {
            let bytes = Array(piece.utf8)
            if let end = bytes.withUnsafeBytes({ skipper.feed($0) }) { return (skipper, end, k) }
        }
        return (skipper, nil, pieces.count)
    }

    @Test func endsAtTheFirstNewlineOutsideQuotes() {
        let (s, ended, piece) = Self.feed(["a,\"b\n", "c\"\"d\",e", ",x\r", "\nnext,row\n"])
        #expect(piece == 3 && ended == 1)
        #expect(s.newlines == 1)  // the newline inside quotes
        let row = s.row(file: "f.gz", line: 7)
        // Content without the CR before the newline; a record that ends is too long, not open.
        #expect(row.reason == .recordTooLong && row.column == nil && row.line == 7)
        #expect(row.raw == Array("a,\"b\nc\"\"d\",e,x".utf8) && row.rawLength == 14)
    }

    @Test func theDataEndingInsideQuotesIsAnUnterminatedQuote() {
        let (s, ended, _) = Self.feed(["T1,x,\"open", ",still\n", "inside"])
        #expect(ended == nil)
        let row = s.row(file: "f.gz", line: 2)
        #expect(row.reason == .unterminatedQuote && row.column == 3 && row.rawLength == 23)
        // Inside quotes at the end, a last CR is content (as the record reader keeps it).
        let (u, _, _) = Self.feed(["T1,\"open\r"])
        #expect(u.row(file: "f.gz", line: 2).rawLength == 9)
        // Outside quotes at the end of the data (no newline): too long.
        let (t, _, _) = Self.feed(["T1,\"q\"", ",tail\r"])
        #expect(t.row(file: "f.gz", line: 2).reason == .recordTooLong && t.row(file: "f.gz", line: 2).rawLength == 11)
    }

    @Test func keepsOnlyTheFirstRawLimitBytes() {
        var skipper = LongRecordSkipper(delimiter: 0x09)
        let block = [UInt8](repeating: 0x78, count: 40_000)
        for _ in 0..<3 { _ = block.withUnsafeBytes { skipper.feed($0) } }
        let end = Array("\t9\n".utf8).withUnsafeBytes { skipper.feed($0) }
        #expect(end == 3)
        let row = skipper.row(file: "f.gz", line: 1)
        #expect(row.raw.count == QuarantinedRow.rawLimit && row.rawLength == 120_002)
    }
}
