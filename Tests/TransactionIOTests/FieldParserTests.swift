import Testing
@testable import TransactionIO

@Suite("Field parsers")
struct FieldParserTests {
    static func withBytes<R>(_ s: String, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        let bytes = Array(s.utf8)
        return bytes.withUnsafeBytes(body)
    }

    @Test(arguments: [
        ("12000", Int64(12000)), ("-500", -500), ("+7", 7), ("12,000", 12000), ("1,234,567", 1_234_567),
        ("15000.0", 15000), ("15000.", 15000), (" 42 ", 42), ("0", 0),
        ("9223372036854775807", Int64.max),
    ])
    func amountsParse(_ text: String, _ expected: Int64) {
        let result = Self.withBytes(text) { FieldParsers.amount($0) }
        guard case .value(let v) = result else {
            Issue.record("\(text) did not parse")
            return
        }
        #expect(v == expected)
    }

    @Test(arguments: ["", "abc", "12a", "1.5", "--3", "1 2", ","])
    func badAmountsAreInvalid(_ text: String) {
        let result = Self.withBytes(text) { FieldParsers.amount($0) }
        guard case .invalid = result else {
            Issue.record("\(text) should be invalid, got \(result)")
            return
        }
    }

    @Test func overflowIsReported() {
        let result = Self.withBytes("9223372036854775808") { FieldParsers.amount($0) }
        guard case .overflow = result else {
            Issue.record("expected overflow")
            return
        }
    }

    @Test(arguments: [
        ("2024-03-15 13:45:00", Int32(202403), UInt8(13)), ("2024-02-29 00:00:00", 202402, 0),
        ("2024-12-31T23:59:59", 202412, 23), ("2024-12-31T23:59:59+09:00", 202412, 23),
        ("2024-01-01T08:00:00.123Z", 202401, 8), ("20240704183000", 202407, 18),
    ])
    func timestampsParse(_ text: String, _ month: Int32, _ hour: UInt8) {
        let ts = Self.withBytes(text) { FieldParsers.timestamp($0) }
        #expect(ts?.month == month)
        #expect(ts?.hour == hour)
    }

    @Test(arguments: [
        "2023-02-29 00:00:00", "2023-02-30 10:00:00", "2024-13-01 00:00:00", "2024-04-31 00:00:00",
        "2024-01-01 24:00:00", "2024/01/01 00:00:00", "2024-01-01", "garbage", "", "2024-01-01T00:00:00+9",
    ])
    func invalidTimestampsAreRejected(_ text: String) {
        #expect(Self.withBytes(text) { FieldParsers.timestamp($0) } == nil)
    }

    @Test func statuses() {
        let words = StatusVocabulary.standard.encoded(.utf8)
        let flags = StatusVocabulary.cancellationFlag.encoded(.utf8)
        #expect(Self.withBytes("approved") { words.classify($0) } == .approved)
        #expect(Self.withBytes("APPROVED") { words.classify($0) } == .approved)
        #expect(Self.withBytes("승인") { words.classify($0) } == .approved)
        #expect(Self.withBytes(" Cancel ") { words.classify($0) } == .cancel)
        #expect(Self.withBytes("취소") { words.classify($0) } == .cancel)
        #expect(Self.withBytes("") { words.classify($0) } == .approved)
        #expect(Self.withBytes("refunded") { words.classify($0) } == .unknown)
        #expect(Self.withBytes("Y") { words.classify($0) } == .unknown)
        #expect(Self.withBytes("Y") { flags.classify($0) } == .cancel)
        #expect(Self.withBytes("N") { flags.classify($0) } == .approved)
    }

    /// The word-at-a-time path's exact-word table holds every status word of 1–8 bytes of both
    /// vocabularies, each with `classify`'s verdict: with room for eight, the flag vocabulary's
    /// table held only approved values, and every row flagged `Y` went to the block scan.
    @Test func statusWordTablesHoldEveryShortWord() {
        for vocabulary in [StatusVocabulary.standard, .cancellationFlag] {
            let words = vocabulary.encoded(.utf8)
            let table = RowParser.statusWordTable(words)
            for token in words.approved + words.cancelled where (1...8).contains(token.count) {
                var w: UInt64 = 0
                for (k, b) in token.enumerated() { w |= UInt64(b) << UInt64(8 * k) }
                let entry = table.first { $0.word == w && $0.length == token.count }
                #expect(entry?.cancel == (token.withUnsafeBytes { words.classify($0) } == .cancel), "\(String(decoding: token, as: UTF8.self))")
            }
        }
    }

    @Test func epochSecondsFollowTheCalendar() {
        // 2024-02-29T12:34:56 is 1709210096 s after 1970-01-01T00:00:00 (UTC arithmetic).
        #expect(Self.withBytes("2024-02-29 12:34:56") { FieldParsers.timestamp($0) }?.epochSeconds == 1_709_210_096)
        #expect(Self.withBytes("1970-01-01 00:00:00") { FieldParsers.timestamp($0) }?.epochSeconds == 0)
        #expect(Self.withBytes("1969-12-31 23:59:59") { FieldParsers.timestamp($0) }?.epochSeconds == -1)
    }

    @Test func industryCodesKeepLeadingZeros() {
        #expect(IndustryCode("01110")?.description == "01110")
        #expect(IndustryCode("01110") != IndustryCode("1110"))
        #expect(IndustryCode("123456789") == nil)
        #expect(IndustryCode("") == nil)
        #expect(IndustryCode("56111")! < IndustryCode("56112")!)
    }
}
