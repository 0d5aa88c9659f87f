import Testing
@testable import TransactionIO

/// The word-at-a-time parsers must agree with the byte-wise `FieldParsers` on every
/// field they accept (they may decline any field; the scanner then uses the byte-wise one).
@Suite("Word-at-a-time field parsers")
struct WordFieldParserTests {
    /// Calls `body` with the field's bytes followed by 16 bytes of `padding` (the
    /// word parsers read up to 16 bytes past a field's start).
    static func padded<R>(_ field: [UInt8], padding: UInt8 = 0x2C, _ body: (UnsafeRawPointer, Int) -> R) -> R {
        let bytes = field + [UInt8](repeating: padding, count: 16)
        return bytes.withUnsafeBytes { body($0.baseAddress!, field.count) }
    }

    static func bytewise<R>(_ field: [UInt8], _ body: (UnsafeRawBufferPointer) -> R) -> R {
        field.withUnsafeBytes(body)
    }

    /// Random fields built from the characters that matter to these parsers.
    static func randomFields(count: Int, seed: UInt64) -> [[UInt8]] {
        var rng = GeneratorRandom(seed: seed)
        let alphabet = Array("0123456789-: T+,./Za\u{7F}\u{1F}~!".utf8) + [0x80, 0xEA, 0x00, 0x3A, 0x2F, 0x40]
        var fields: [[UInt8]] = []
        for _ in 0..<count {
            let n = Int(rng.next() % 21)
            fields.append((0..<n).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
        }
        // Mutations of valid timestamps, so the 19-byte path is exercised hard.
        for _ in 0..<count {
            var t = Array("2024-02-29 23:59:60".utf8)
            for _ in 0..<Int(rng.next() % 3) {
                t[Int(rng.next() % 19)] = alphabet[Int(rng.next() % UInt64(alphabet.count))]
            }
            fields.append(t)
        }
        return fields
    }

    @Test(arguments: [
        "2024-02-26 11:50:09", "2024-02-29 00:00:00", "2023-02-29 00:00:00", "2024-13-01 00:00:00",
        "2024-00-10 00:00:00", "2024-04-31 10:00:00", "2024-04-30 24:00:00", "2024-04-30 23:60:00",
        "2024-04-30 23:59:60", "2024-04-30 23:59:61", "1969-12-31 23:59:59", "0000-01-01 00:00:00",
        "9999-12-31 23:59:59", "2024-02-26T11:50:09", "2024/02/26 11:50:09", "2024-02-26 11:50:0x",
        "20240226115009", "2024-02-26 11:50:09Z", "2024-0a-26 11:50:09",
    ])
    func timestampsAgree(_ text: String) {
        let field = Array(text.utf8)
        let word = Self.padded(field) { WordFieldParsers.timestamp($0, count: $1) }
        let byte = Self.bytewise(field) { FieldParsers.timestamp($0) }
        if let word { #expect(word == byte, "\(text)") }
        // The canonical form must take the fast path whenever the byte-wise parser accepts it.
        if text.count == 19, Array(text.utf8)[10] == 0x20, byte != nil { #expect(word != nil, "\(text)") }
    }

    @Test(arguments: ["0", "7", "12000", "00123", "12345678", "123456789", "9999999999999999",
                      "12345678901234567", "", "-5", "+5", "1,000", "12.0", " 1", "1 ", "1a", "٣"])
    func digitsAgreeWithRegionAndAmount(_ text: String) {
        let field = Array(text.utf8)
        let word = Self.padded(field) { WordFieldParsers.digits($0, count: $1) }
        let region = Self.bytewise(field) { FieldParsers.region($0) }
        let amount: Int64? = Self.bytewise(field) {
            if case .value(let v) = FieldParsers.amount($0) { return v }
            return nil
        }
        if let word {
            #expect(word == region, "\(text)")
            #expect(word == amount, "\(text)")
        }
        if (1...16).contains(field.count) && field.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            #expect(word != nil, "\(text)")
        }
    }

    @Test func randomFieldsAgree() {
        for field in Self.randomFields(count: 20_000, seed: 7) {
            for padding: UInt8 in [0x2C, 0x30, 0x00, 0xFF] {
                if let t = Self.padded(field, padding: padding, { WordFieldParsers.timestamp($0, count: $1) }) {
                    #expect(t == Self.bytewise(field) { FieldParsers.timestamp($0) }, "\(field)")
                }
                if let d = Self.padded(field, padding: padding, { WordFieldParsers.digits($0, count: $1) }) {
                    #expect(d == Self.bytewise(field) { FieldParsers.region($0) }, "\(field)")
                }
                if let code = Self.padded(field, padding: padding, { WordFieldParsers.industry($0, count: $1) }) {
                    #expect(code == Self.bytewise(field) { IndustryCode(bytes: $0) }, "\(field)")
                } else if field.count <= 8 {
                    #expect(Self.bytewise(field) { IndustryCode(bytes: $0) } == nil, "\(field) declined but valid")
                }
                if let h = Self.padded(field, padding: padding, { WordFieldParsers.idHash($0, count: $1) }) {
                    #expect(h == Self.bytewise(field) { FieldParsers.idHash($0) }, "\(field)")
                }
            }
        }
    }

    @Test func industryCodesOfEveryPrintableByte() {
        for b in UInt8(0)...UInt8(255) {
            for n in 1...8 {
                let field = [UInt8](repeating: 0x35, count: n - 1) + [b]
                let word = Self.padded(field) { WordFieldParsers.industry($0, count: $1) }
                let byte = Self.bytewise(field) { IndustryCode(bytes: $0) }
                #expect(word == byte, "byte \(b) length \(n)")
            }
        }
    }
}

@Suite("Month table")
struct MonthTableTests {
    /// Every day of every month of the table's range and a margin beyond it, against the
    /// civil-calendar arithmetic (H. Hinnant's days_from_civil), plus impossible days.
    @Test func agreesWithTheCalendarArithmetic() {
        let table = MonthTable.shared
        for year in 1890...2210 {
            for month in 1...12 {
                let length = FieldParsers.daysIn(month: month, year: year)
                for day in [1, 2, 15, 28, 29, 30, 31, 32] {
                    let expected = day <= length ? FieldParsers.daysFromCivil(year: year, month: month, day: day) : nil
                    #expect(table.day(year: year, month: month, day: day) == expected, "\(year)-\(month)-\(day)")
                }
            }
        }
        #expect(table.day(year: 1970, month: 1, day: 1) == 0)
        #expect(table.day(year: 2000, month: 3, day: 1) == 11_017)  // 2000 is a leap year: 2000-02-29 exists
        #expect(table.day(year: 1900, month: 2, day: 29) == nil)    // 1900 is not
    }
}
