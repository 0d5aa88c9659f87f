import Testing
@testable import TransactionIO

/// Scans `text` and returns (accounting, batches merged, quarantined rows).
func scanText(_ text: String, rawBytes: [UInt8]? = nil, options: ScanOptions = ScanOptions()) throws(ScanError) -> (RowAccounting, TransactionBatch, [QuarantinedRow]) {
    let bytes = rawBytes ?? Array(text.utf8)
    var all = TransactionBatch()
    var bad: [QuarantinedRow] = []
    // Array.withUnsafeBytes rethrows untyped errors; a scratch buffer keeps `throws(ScanError)`.
    let raw = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 8)
    defer { raw.deallocate() }
    raw.copyBytes(from: bytes)
    let view = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(raw)[0..<bytes.count])
    let accounting = try {
        (raw: UnsafeRawBufferPointer) throws(ScanError) -> RowAccounting in
        try ReferenceLogScanner.scan(bytes: raw, file: "t.csv", options: options, onBatch: { b in
            all.append(contentsOf: b)
        }, onQuarantine: { bad.append($0) })
    }(view)
    return (accounting, all, bad)
}

let canonicalHeader = "tx_id,ts,consumer_id,consumer_region,merchant_id,merchant_region,ksic,amount,channel,status"

@Suite("Transaction log scanner")
struct ScannerTests {
    @Test func acceptsCanonicalRowsAndNetsCancellations() throws {
        let (a, batch, bad) = try scanText("""
            \(canonicalHeader)
            T1,2024-01-05 10:00:00,C1,47111,M1,47111,56111,12000,card,approved
            T2,2024-01-05 11:00:00,C1,47111,M1,47111,56111,12000,card,cancel
            T3,2024-02-05 12:00:00,C2,47113,M2,47111,47121,-3000,card,approved
            T4,2024-02-05 12:00:00,C2,47113,M2,47111,47121,5000,mobile,승인

            """)
        #expect(a.read == 4 && a.accepted == 4 && a.quarantined == 0 && a.cancellations == 2)
        #expect(batch.netAmount == [12000, -12000, -3000, 5000])
        #expect(batch.month == [202401, 202401, 202402, 202402])
        #expect(bad.isEmpty)
    }

    @Test func quotedFieldsWithDelimitersNewlinesAndDoubledQuotes() throws {
        let (a, batch, _) = try scanText(
            "note,\(canonicalHeader)\n" +
            "\"a, \"\"quoted\"\"\nnote\",T1,2024-01-05 10:00:00,C1,47111,M1,47111,56111,\"12,000\",card,approved\n" +
            "plain,T2,2024-01-05 10:00:00,C1,47111,M1,47111,56111,100,card,approved\n")
        #expect(a.read == 2 && a.accepted == 2)
        #expect(batch.netAmount == [12000, 100])
    }

    @Test func crlfBomSemicolonAndMissingTrailingNewline() throws {
        let text = "\u{FEFF}" + canonicalHeader.replacingOccurrences(of: ",", with: ";") + "\r\n"
            + "T1;2024-01-05 10:00:00;C1;47111;M1;47111;56111;700;card;approved\r\n"
            + "T2;2024-01-05 10:00:00;C1;47111;M1;47111;56111;300;card;approved"
        let (a, batch, _) = try scanText(text)
        #expect(a.accepted == 2)
        #expect(batch.netAmount == [700, 300])
    }

    @Test func badRowsAreQuarantinedWithLineColumnAndReason() throws {
        let (a, _, bad) = try scanText("""
            \(canonicalHeader)
            T1,2024-01-05 10:00:00,C1,47111,M1,47111,56111,12000,card,approved
            T2,2023-02-30 10:00:00,C1,47111,M1,47111,56111,12000,card,approved
            T3,2024-01-05 10:00:00,C1,47111,M1,47111,56111,12x,card,approved
            T4,2024-01-05 10:00:00,C1,47111,M1,47111,56111,100,card
            T5,2024-01-05 10:00:00,C1,47111,M1,47111,56111,100,card,refunded
            T6,2024-01-05 10:00:00,C1,seoul,M1,47111,56111,100,card,approved
            T7,2024-01-05 10:00:00,C1,47111,M1,47111,56111,99999999999999999999,card,approved
            """)
        #expect(a.read == 7)
        #expect(a.accepted == 1)
        #expect(a.quarantined == 6)
        #expect(a.read == a.accepted + a.quarantined)
        let summary = bad.map { "\($0.line):\($0.column.map(String.init) ?? "-"):\($0.reason.rawValue)" }
        #expect(summary == [
            "3:2:invalid_timestamp", "4:8:invalid_amount", "5:-:wrong_field_count", "6:10:unknown_status",
            "7:4:invalid_region", "8:8:amount_overflow",
        ])
        #expect(String(decoding: bad[0].raw, as: UTF8.self).hasPrefix("T2,2023-02-30"))
    }

    @Test func lineNumbersCountNewlinesInsideQuotes() throws {
        let (_, _, bad) = try scanText(
            "note,\(canonicalHeader)\n" +
            "\"two\nlines\",T1,2024-01-05 10:00:00,C1,47111,M1,47111,56111,100,card,approved\n" +
            "x,T2,bad-time,C1,47111,M1,47111,56111,100,card,approved\n")
        #expect(bad.map(\.line) == [4])
    }

    @Test func unterminatedQuoteAtEndOfFileIsQuarantined() throws {
        let (a, _, bad) = try scanText(
            "\(canonicalHeader)\nT1,2024-01-05 10:00:00,C1,47111,M1,47111,56111,100,card,approved\nT2,\"2024-01-05")
        #expect(a.read == 2 && a.accepted == 1)
        #expect(bad.map(\.reason) == [.unterminatedQuote])
        #expect(bad.first?.line == 3)
    }

    /// A last line without a newline and with too few fields is an export cut short; with a
    /// newline after it, or with too many fields, it is a wrong field count.
    @Test func lastLineCutShortIsTruncatedNotWrongFieldCount() throws {
        let good = "T1,2024-01-05 10:00:00,C1,47111,M1,47111,56111,100,card,approved"
        let cut = "T2,2024-01-05 10:00:00,C1,47111,M1"
        let reasons = { (text: String) throws -> [String] in
            try scanText(text).2.map { "\($0.line):\($0.column.map(String.init) ?? "-"):\($0.reason.rawValue)" }
        }
        // The cut fell in the fifth field (merchant_id), which the row names.
        #expect(try reasons("\(canonicalHeader)\n\(good)\n\(cut)") == ["3:5:truncated_last_line"])
        #expect(try reasons("\(canonicalHeader)\n\(good)\n\(cut)\n") == ["3:-:wrong_field_count"])
        #expect(try reasons("\(canonicalHeader)\n\(cut)\n\(good)") == ["2:-:wrong_field_count"])
        #expect(try reasons("\(canonicalHeader)\n\(good)\n\(good),extra") == ["3:-:wrong_field_count"])
        #expect(try reasons("\(canonicalHeader)\n\(good)\n\(good)").isEmpty)
    }

    @Test func headerOnlyIsZeroRows() throws {
        let (a, _, _) = try scanText(canonicalHeader + "\n")
        #expect(a.read == 0 && a.accepted == 0)
    }

    @Test func emptyFileIsAClearError() {
        #expect(throws: ScanError.self) { try scanText("") }
        do {
            _ = try scanText("\n\n")
        } catch {
            #expect(error.code == .emptyFile)
            #expect(error.description.contains("t.csv"))
        }
    }

    @Test func missingColumnsAreNamed() {
        do {
            _ = try scanText("tx_id,ts,amount\nT1,2024-01-05 10:00:00,100\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .missingColumns)
            #expect(error.message.contains("consumer_region, merchant_region, ksic"))
        }
    }

    @Test func maxBadRowsStopsTheScan() {
        let rows = (1...5).map { "T\($0),bad,C1,47111,M1,47111,56111,100,card,approved" }.joined(separator: "\n")
        do {
            _ = try scanText(canonicalHeader + "\n" + rows, options: ScanOptions(maxBadRows: .count(2)))
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .tooManyBadRows)
            #expect(error.message.contains("invalid_timestamp"))
            #expect(error.line == 4)
        }
        #expect(ScanOptions.BadRowLimit(parsing: "5%") == .percent(5))
        #expect(ScanOptions.BadRowLimit(parsing: "12") == .count(12))
        #expect(ScanOptions.BadRowLimit(parsing: "x") == nil)
    }

    @Test func smallBatchesGiveTheSameRows() throws {
        var rows = [canonicalHeader]
        for k in 0..<50 { rows.append("T\(k),2024-01-05 10:00:00,C\(k % 7),47111,M1,4711\(k % 3),56111,\(k * 10),card,approved") }
        let text = rows.joined(separator: "\n")
        let (_, whole, _) = try scanText(text)
        let (_, small, _) = try scanText(text, options: ScanOptions(batchSize: 3))
        #expect(whole.netAmount == small.netAmount)
        #expect(whole.merchantRegion == small.merchantRegion)
    }
}

extension String {
    func replacingOccurrences(of a: String, with b: String) -> String {
        split(separator: a, omittingEmptySubsequences: false).joined(separator: b)
    }
}
