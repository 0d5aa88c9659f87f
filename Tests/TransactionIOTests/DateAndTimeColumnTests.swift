import Testing
@testable import TransactionIO

/// A timestamp split over a date and a time column (거래일자 + 거래시간), as some Korean card and
/// city exports write it: read as one `ts`, with the same month, hour and seconds.
@Suite("Timestamps split over date and time columns")
struct DateAndTimeColumnTests {
    static func timestamp(_ date: String, _ time: String) -> ParsedTimestamp? {
        FieldParserTests.withBytes(date) { d in
            FieldParserTests.withBytes(time) { t in
                guard let day = FieldParsers.date(d), let clock = FieldParsers.timeOfDay(t) else { return nil }
                return FieldParsers.timestamp(date: day, time: clock)
            }
        }
    }

    static func single(_ text: String) -> ParsedTimestamp? { FieldParserTests.withBytes(text) { FieldParsers.timestamp($0) } }

    @Test(arguments: [
        ("20240229", "235959", "2024-02-29 23:59:59"), ("2024-02-29", "23:59:59", "2024-02-29 23:59:59"),
        ("2024/03/01", "07:05", "2024-03-01 07:05:00"), ("2024.12.31", "0000", "2024-12-31 00:00:00"),
        ("2024-01-05 00:00:00", "9:30:15", "2024-01-05 09:30:15"), ("20240105", "9:30", "2024-01-05 09:30:00"),
        ("20240105", "10:00:00.250", "2024-01-05 10:00:00"), ("20241231", "23:59:60", "2024-12-31 23:59:59"),
    ])
    func formsGiveTheSingleColumnTimestamp(_ date: String, _ time: String, _ same: String) throws {
        let expected = try #require(Self.single(same))
        #expect(Self.timestamp(date, time) == expected, "\(date) + \(time)")
    }

    @Test(arguments: ["20230229", "2024-02-30", "2024-13-01", "2024-01/05", "2024105", "2024-01-05 10:00:00", "", "날짜"])
    func invalidDatesAreRejected(_ date: String) {
        #expect(FieldParserTests.withBytes(date) { FieldParsers.date($0) } == nil, "\(date)")
    }

    /// `93015` is what a spreadsheet makes of 09:30:15 stored as a number; it is rejected, not guessed.
    @Test(arguments: ["240000", "2360", "12:60", "24:00", "93015", "930", "12:3", "12:30:5", "1230.5", "12:30.5",
                      "12:30:00.", "12:30:00.x", "", "12-30-00", "1:2:33"])
    func invalidTimesAreRejected(_ time: String) {
        #expect(FieldParserTests.withBytes(time) { FieldParsers.timeOfDay($0) } == nil, "\(time)")
    }

    @Test func presetHeadersAreReadAsOneTimestamp() throws {
        let (a, batch, bad) = try scanText("""
            거래일자,거래시간,회원번호,회원거주지코드,가맹점시군구코드,가맹점업종코드,결제금액,취소여부
            20240301,090000,C1,47111,47113,56111,10000,N
            2024-03-31,23:15:30,C1,47111,47113,56111,4000,Y
            20240230,120000,C1,47111,47113,56111,4000,N
            20240301,25:00,C1,47111,47113,56111,4000,N
            """)
        #expect(a.read == 4 && a.accepted == 2)
        #expect(batch.netAmount == [10000, -4000])
        #expect(batch.month == [202403, 202403])
        #expect(batch.hour == [9, 23])
        #expect(batch.time[1] == Self.single("2024-03-31 23:15:30")?.epochSeconds)
        // A bad date is blamed on the date column (1), a bad time on the time column (2).
        #expect(bad.map(\.reason) == [.invalidTimestamp, .invalidTimestamp])
        #expect(bad.map(\.column) == [1, 2])
        #expect(bad.map(\.line) == [4, 5])
    }

    @Test func schemaPrefersTsUnlessTheMappingNamesDateAndTime() throws {
        let header = ["거래일시", "거래일자", "거래시간", "가맹점시군구코드", "회원거주지코드", "업종코드", "결제금액"]
        let preset = try TransactionSchema(header: header, file: "t.csv")
        #expect(preset.fieldIndex[.timestamp] == 0 && preset.fieldIndex[.date] == nil && preset.fieldIndex[.time] == nil)
        #expect(preset.sourceNames[.date] == nil)

        var mapping = SchemaMapping()
        try mapping.apply(assignment: "date=거래일자")
        try mapping.apply(assignment: "time=거래시간")
        let split = try TransactionSchema(header: header, file: "t.csv", mapping: mapping)
        #expect(split.fieldIndex[.timestamp] == nil && split.fieldIndex[.date] == 1 && split.fieldIndex[.time] == 2)
        #expect(split.sourceNames[.time] == "거래시간")

        try mapping.apply(assignment: "ts=거래일시")
        let both = try TransactionSchema(header: header, file: "t.csv", mapping: mapping)
        #expect(both.fieldIndex[.timestamp] == 0 && both.fieldIndex[.date] == nil)

        let english = try TransactionSchema(header: ["date", "time", "consumer_region", "merchant_region", "ksic", "amount"], file: "t.csv")
        #expect(english.fieldIndex[.date] == 0 && english.fieldIndex[.time] == 1)
    }

    @Test func aDateWithoutATimeIsAClearError() {
        do {
            _ = try TransactionSchema(header: ["거래일자", "가맹점시군구코드", "회원거주지코드", "업종코드", "결제금액"], file: "kr.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.file == "kr.csv")
            #expect(error.message.contains("date column '거래일자' but no time column"))
            #expect(error.hint.contains("--column time="))
        }
        do {
            _ = try TransactionSchema(header: ["가맹점시군구코드", "회원거주지코드", "업종코드", "결제금액"], file: "kr.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("ts (or date and time)"))
        }
    }
}
