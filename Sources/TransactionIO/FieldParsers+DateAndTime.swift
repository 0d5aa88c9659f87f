/// Timestamps split over two columns, as many Korean exports write them (거래일자 + 거래시간):
/// a calendar date and a clock time, read separately and combined into the `ParsedTimestamp`
/// one `ts` field would give.
extension FieldParsers {
    /// A calendar date → (year, month, day), calendar-checked (2023-02-30 is rejected).
    /// Accepts `YYYYMMDD`, `YYYY-MM-DD`, `YYYY/MM/DD` and `YYYY.MM.DD`, and a date written as
    /// a timestamp at midnight (`YYYY-MM-DD 00:00:00`, how spreadsheets save a date cell).
    static func date(_ f: UnsafeRawBufferPointer) -> (year: Int, month: Int, day: Int)? {
        let n = f.count
        func digits(_ at: Int, _ count: Int) -> Int? { decimal(f, at: at, count: count) }
        let year: Int, month: Int, day: Int
        if n == 8, let y = digits(0, 4), let m = digits(4, 2), let d = digits(6, 2) {
            (year, month, day) = (y, m, d)
        } else if n == 10 || (n == 19 && Self.isMidnightSuffix(f)),
                  f[4] == UInt8(ascii: "-") || f[4] == UInt8(ascii: "/") || f[4] == UInt8(ascii: "."), f[7] == f[4],
                  let y = digits(0, 4), let m = digits(5, 2), let d = digits(8, 2) {
            (year, month, day) = (y, m, d)
        } else {
            return nil
        }
        guard month >= 1 && month <= 12, day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        return (year, month, day)
    }

    /// Whether a 19-byte field ends in ` 00:00:00`.
    private static func isMidnightSuffix(_ f: UnsafeRawBufferPointer) -> Bool {
        let suffix: StaticString = " 00:00:00"
        return equalsBytes(UnsafeRawBufferPointer(rebasing: f[10..<19]), suffix)
    }

    /// A clock time → (hour, minute, second). Accepts `HHMMSS` and `HHMM` (zero-padded digits
    /// only: an export that wrote the time as a number and lost its leading zero, `93015`, is
    /// ambiguous and rejected), and `H:MM`, `HH:MM`, `H:MM:SS`, `HH:MM:SS`, the last two with
    /// an optional fraction (`.123`). Hours 0–23, minutes 0–59, seconds 0–60 (a leap second
    /// counts as :59, as in `timestamp`).
    static func timeOfDay(_ f: UnsafeRawBufferPointer) -> (hour: Int, minute: Int, second: Int)? {
        var n = f.count
        func digit(_ k: Int) -> Int? {
            let b = f[k]
            return b >= 0x30 && b <= 0x39 ? Int(b &- 0x30) : nil
        }
        func two(_ k: Int) -> Int? {
            guard let a = digit(k), let b = digit(k + 1) else { return nil }
            return a * 10 + b
        }
        var hour: Int, minute: Int, second = 0
        if let dot = f.firstIndex(of: UInt8(ascii: ".")) {
            // A fraction after the seconds of a colon form: digits only, then ignored.
            guard dot + 1 < n, f[(dot + 1)...].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                  f[..<dot].filter({ $0 == UInt8(ascii: ":") }).count == 2 else { return nil }
            n = dot
        }
        if !f[..<n].contains(UInt8(ascii: ":")) {
            // HHMM, HHMMSS
            guard n == 4 || n == 6, let h = two(0), let m = two(2) else { return nil }
            (hour, minute) = (h, m)
            if n == 6 { guard let s = two(4) else { return nil }; second = s }
        } else {
            // H:MM, HH:MM, H:MM:SS, HH:MM:SS
            guard n == 4 || n == 5 || n == 7 || n == 8 else { return nil }
            let hourDigits = (n == 4 || n == 7) ? 1 : 2
            guard f[hourDigits] == UInt8(ascii: ":"), let m = two(hourDigits + 1),
                  let h = hourDigits == 1 ? digit(0) : two(0) else { return nil }
            (hour, minute) = (h, m)
            if n >= 7 {
                guard f[hourDigits + 3] == UInt8(ascii: ":"), let s = two(hourDigits + 4) else { return nil }
                second = s
            }
        }
        guard hour <= 23, minute <= 59, second <= 60 else { return nil }
        return (hour, minute, min(second, 59))
    }

    /// The timestamp of a date and a clock time (as `date` and `timeOfDay` read them).
    static func timestamp(date: (year: Int, month: Int, day: Int), time: (hour: Int, minute: Int, second: Int)) -> ParsedTimestamp {
        let (year, month, day) = date, (hour, minute, second) = time
        let seconds = Int64(daysFromCivil(year: year, month: month, day: day)) * 86_400
            + Int64(hour * 3600 + minute * 60 + second)
        return ParsedTimestamp(month: Int32(year * 100 + month), hour: UInt8(hour), epochSeconds: seconds)
    }
}
