/// The first day (days since 1970-01-01) and the length of every month from
/// 1900 to 2199, so the word-at-a-time timestamp parser turns a date into a day
/// number with two loads instead of the civil-calendar arithmetic. Built once from
/// `FieldParsers.daysFromCivil` / `daysIn`; dates outside the range use those directly.
/// The table is never freed (a process-wide constant of 3,600 × 5 bytes).
struct MonthTable: @unchecked Sendable {
    // @unchecked Sendable: written once while the shared instance is built, read-only after.
    static let firstYear = 1900
    static let years = 300
    let starts: UnsafeMutablePointer<Int32>
    let lengths: UnsafeMutablePointer<UInt8>

    static let shared = MonthTable()

    private init() {
        let n = Self.years * 12
        starts = .allocate(capacity: n)
        lengths = .allocate(capacity: n)
        for y in 0..<Self.years {
            for m in 1...12 {
                let year = Self.firstYear + y
                starts[y * 12 + m - 1] = Int32(FieldParsers.daysFromCivil(year: year, month: m, day: 1))
                lengths[y * 12 + m - 1] = UInt8(FieldParsers.daysIn(month: m, year: year))
            }
        }
    }

    /// Days since 1970-01-01 of a valid date, or nil when the day does not exist in that month.
    @inline(__always)
    func day(year: Int, month: Int, day: Int) -> Int? {
        let y = year &- Self.firstYear
        if y >= 0 && y < Self.years {
            // Safe: 0 ≤ y < years and 1 ≤ month ≤ 12 (checked by the caller), so the index is in the table.
            let i = y &* 12 &+ month &- 1
            guard day <= Int(lengths[i]) else { return nil }
            return Int(starts[i]) &+ day &- 1
        }
        return Self.dayOutsideTable(year: year, month: month, day: day)
    }

    /// `day` for years outside the table (rare; out of line so the common path stays small).
    @inline(never)
    static func dayOutsideTable(year: Int, month: Int, day: Int) -> Int? {
        guard day <= FieldParsers.daysIn(month: month, year: year) else { return nil }
        return FieldParsers.daysFromCivil(year: year, month: month, day: day)
    }
}
