import Testing
@testable import TransactionIO

/// The plain-row path's date memo must give `WordFieldParsers.timestamp`'s result for every
/// 19-byte timestamp, whether its date is parsed (a miss) or found (a hit), and however dates
/// share a slot.
@Suite("Date memo")
struct DateMemoTests {
    static func timestamp(_ text: [UInt8], _ body: (UnsafeRawPointer) -> ParsedTimestamp?) -> ParsedTimestamp? {
        (text + [UInt8](repeating: 0x2C, count: 16)).withUnsafeBytes { body($0.baseAddress!) }
    }

    static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    static func expectAgreement(_ texts: [[UInt8]], memo: DateMemo) {
        for text in texts {
            let expected = timestamp(text) { WordFieldParsers.timestamp($0, count: 19) }
            let viaMemo = timestamp(text) { memo.timestamp($0, months: .shared) }
            #expect(viaMemo == expected, "\(String(decoding: text, as: UTF8.self))")
        }
    }

    /// Compact timestamps (`YYYYMMDDHHMMSS`) through the memo give `compactTimestamp`'s result,
    /// on misses and hits, with dashed dates in the same table (neither kind matches the other).
    @Test func compactDatesAgreeAndShareTheTable() {
        let memo = DateMemo.allocate()
        defer { memo.deallocate() }
        var compact: [[UInt8]] = [], dashed: [[UInt8]] = []
        // 2022 and 2024 share slots (the slot takes only the low bit of the year's last digit).
        for year in [2022, 2023, 2024] {
            for month in 0...13 {
                for day in 0...32 {
                    let (m, d) = (Self.twoDigits(month), Self.twoDigits(day))
                    compact.append(Array("\(year)\(m)\(d)130759".utf8))
                    compact.append(Array("\(year)\(m)\(d)240000".utf8))
                    compact.append(Array("\(year)\(m)\(d)1307a9".utf8))
                    dashed.append(Array("\(year)-\(m)-\(d) 13:07:59".utf8))
                }
            }
        }
        compact.append(Array("2024a2261150091".utf8))
        for _ in 0..<3 {
            for text in compact {
                let expected = Self.timestamp(text) { WordFieldParsers.compactTimestamp($0, months: .shared) }
                let viaMemo = Self.timestamp(text) { memo.compactTimestamp($0, months: .shared) }
                #expect(viaMemo == expected, "\(String(decoding: text, as: UTF8.self))")
            }
            Self.expectAgreement(dashed, memo: memo)
        }
        #expect(Self.timestamp(Array("20240229235959".utf8)) { memo.compactTimestamp($0, months: .shared) } != nil)
        #expect(Self.timestamp(Array("20230229235959".utf8)) { memo.compactTimestamp($0, months: .shared) } == nil)
    }

    @Test func everyDateOfTwoYearsAgreesOnMissAndHit() {
        let memo = DateMemo.allocate()
        defer { memo.deallocate() }
        var texts: [[UInt8]] = []
        for year in [2023, 2024] {
            for month in 0...13 {
                for day in 0...32 {
                    let date = "\(year)-\(Self.twoDigits(month))-\(Self.twoDigits(day))"
                    texts.append(Array("\(date) 13:07:59".utf8))
                    texts.append(Array("\(date) 24:00:00".utf8))  // a valid date with an invalid time
                }
            }
        }
        // Twice: the first pass fills the memo (misses), the second finds its dates (hits); the
        // invalid months and days share entries with valid dates, so some of the second pass misses.
        Self.expectAgreement(texts, memo: memo)
        Self.expectAgreement(texts, memo: memo)
        Self.expectAgreement(texts.reversed(), memo: memo)
    }

    @Test func datesOutsideTheMonthTableAndLeapDays() {
        let memo = DateMemo.allocate()
        defer { memo.deallocate() }
        let texts = [
            "0000-01-01 00:00:00", "1899-12-31 23:59:59", "1900-02-29 12:00:00", "2000-02-29 12:00:00",
            "2199-12-31 23:59:60", "2200-01-01 00:00:00", "9999-12-31 23:59:59", "2100-02-29 00:00:00",
            "2024-02-29 00:00:00", "2023-02-29 00:00:00", "2024-04-31 00:00:00", "2024-06-30 00:00:00",
        ].map { Array($0.utf8) }
        Self.expectAgreement(texts, memo: memo)
        Self.expectAgreement(texts, memo: memo)
    }

    /// A hit must compare every date byte: timestamps that differ from a stored one in one byte
    /// (digits, separators, or the time) get their own result.
    @Test func oneByteChangesAfterAHit() {
        let memo = DateMemo.allocate()
        defer { memo.deallocate() }
        let base = Array("2024-02-26 11:50:09".utf8)
        var rng = GeneratorRandom(seed: 7)
        let alphabet = Array("0123456789-: T/".utf8) + [0x00, 0x80, 0x2C]
        var texts: [[UInt8]] = []
        for _ in 0..<4_000 {
            var t = base
            for _ in 0...Int(rng.next() % 2) { t[Int(rng.next() % 19)] = alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            texts.append(base)
            texts.append(t)
        }
        Self.expectAgreement(texts, memo: memo)
    }

    /// Dates that share an entry replace each other, and a hit must compare the day bytes too:
    /// for three days of a month, any two bytes in the day's place that hash to the same entry
    /// (found by trying all 65,536) get their own result, and so do valid dates two years
    /// apart, which share an entry.
    @Test func datesSharingAnEntry() {
        let memo = DateMemo.allocate()
        defer { memo.deallocate() }
        func head(_ d: [UInt8]) -> UInt64 { d[0..<8].enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) } }
        func day(_ d: [UInt8]) -> UInt64 { UInt64(d[8]) | UInt64(d[9]) << 8 }
        let time = Array(" 08:30:00".utf8)
        let prefix = Array("2024-01-".utf8)
        var sameHead = 0
        for d in [1, 17, 31] {
            let valid = prefix + Array(Self.twoDigits(d).utf8)
            let slot = DateMemo.slot(head: head(valid), day: day(valid))
            for x in 0..<65_536 where UInt64(x) != day(valid) && DateMemo.slot(head: head(valid), day: UInt64(x)) == slot {
                let other = prefix + [UInt8(x & 0xFF), UInt8(x >> 8)]
                Self.expectAgreement([valid + time, other + time, valid + time, other + time], memo: memo)
                sameHead += 1
            }
        }
        #expect(sameHead > 0, "no two-byte day shares an entry with a valid day; the test checks nothing")
        var bySlot: [Int: [[UInt8]]] = [:]
        for year in 2020...2030 {
            for month in 1...12 {
                for d in 1...31 {
                    let date = Array("\(year)-\(Self.twoDigits(month))-\(Self.twoDigits(d))".utf8)
                    bySlot[DateMemo.slot(head: head(date), day: day(date)), default: []].append(date)
                }
            }
        }
        let shared = bySlot.values.filter { $0.count > 1 }
        #expect(!shared.isEmpty)
        for group in shared {
            let texts = group.map { $0 + time }
            Self.expectAgreement(texts + texts.reversed() + texts, memo: memo)
        }
    }
}
