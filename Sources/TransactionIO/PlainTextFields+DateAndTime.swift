/// The text walker's readers of a timestamp split over two columns (거래일자 + 거래시간): the
/// values `FieldParsers.date` and `FieldParsers.timeOfDay` give (the row parser's), with a
/// compact date from the worker's memo and a compact time read a word at a time. Out of line,
/// like the other `PlainTextFields` readers, so the walker keeps its registers.
extension PlainTextFields {
    /// A date field at `p` (at most 31 bytes, 32 readable from `p`): its month (YYYYMM), its
    /// day number (days since 1970-01-01) and where the next field starts.
    @inline(never)
    static func dateField(_ base: UnsafeRawPointer, at p: Int, delimiter: UInt8, months: MonthTable,
                          dates: DateMemo) -> (month: Int32, day: Int64, next: Int)? {
        // `YYYYMMDD` first, without a stop search: eight digits (checked by the memo) and the
        // delimiter after them are exactly an 8-byte field.
        // Safe: p + 8 < p + 32, readable by the caller's guarantee.
        if base.load(fromByteOffset: p &+ 8, as: UInt8.self) == delimiter, let packed = dates.compactDate(base + p, months: months) {
            return (month(packed), day(packed), p &+ 9)
        }
        guard let n = delimitedShortField(base, at: p, delimiter: delimiter),
              let d = date(base + p, count: n, months: months, dates: dates) else { return nil }
        return (d.month, d.day, p &+ n &+ 1)
    }

    /// The date of the `count` ASCII bytes at `field` (8 readable from it): its month (YYYYMM)
    /// and day number, in any form `FieldParsers.date` reads.
    @inline(never)
    static func date(_ field: UnsafeRawPointer, count: Int, months: MonthTable, dates: DateMemo) -> (month: Int32, day: Int64)? {
        if count == 8, let packed = dates.compactDate(field, months: months) { return (month(packed), day(packed)) }
        guard let d = FieldParsers.date(UnsafeRawBufferPointer(start: field, count: count)),
              let day = months.day(year: d.year, month: d.month, day: d.day) else { return nil }
        return (Int32(d.year * 100 + d.month), Int64(day))
    }

    /// A time field at `p` (at most 31 bytes, 32 readable from `p`): seconds after midnight
    /// and where the next field starts.
    @inline(never)
    static func timeField(_ base: UnsafeRawPointer, at p: Int, delimiter: UInt8) -> (seconds: Int, next: Int)? {
        // `HHMMSS` first, without a stop search. Safe: p + 6 < p + 32, readable.
        if base.load(fromByteOffset: p &+ 6, as: UInt8.self) == delimiter, let s = compactTime(base + p) { return (s, p &+ 7) }
        guard let n = delimitedShortField(base, at: p, delimiter: delimiter), let s = timeOfDay(base + p, count: n) else { return nil }
        return (s, p &+ n &+ 1)
    }

    /// Seconds after midnight of the `count` ASCII bytes at `field` (8 readable from it), in any
    /// form `FieldParsers.timeOfDay` reads.
    @inline(never)
    static func timeOfDay(_ field: UnsafeRawPointer, count: Int) -> Int? {
        if count == 6, let s = compactTime(field) { return s }
        guard let t = FieldParsers.timeOfDay(UnsafeRawBufferPointer(start: field, count: count)) else { return nil }
        return t.hour * 3600 + t.minute * 60 + t.second
    }

    /// `HHMMSS` at `field` (8 readable bytes) → seconds after midnight, as `FieldParsers.timeOfDay`
    /// gives it (a leap second counts as :59); nil when the six bytes are not such a time.
    @inline(__always)
    private static func compactTime(_ field: UnsafeRawPointer) -> Int? {
        // Safe: the caller guarantees 8 readable bytes from field.
        let w = field.loadUnaligned(as: UInt64.self)
        guard WordFieldParsers.allDigits(w, mask: 0x0000_FFFF_FFFF_FFFF) else { return nil }
        let pairs = (((w ^ 0x3030_3030_3030_3030) & 0x0000_FFFF_FFFF_FFFF) &* 2561) >> 8
        let hour = WordFieldParsers.byte(pairs, 0), minute = WordFieldParsers.byte(pairs, 2), second = WordFieldParsers.byte(pairs, 4)
        guard hour <= 23, minute <= 59, second <= 60 else { return nil }
        return hour &* 3600 &+ minute &* 60 &+ min(second, 59)
    }

    /// The month (YYYYMM) of a packed memo date (`DateMemo.Entry.date`).
    @inline(__always)
    private static func month(_ packed: UInt64) -> Int32 { Int32(truncatingIfNeeded: (packed >> 16) & 0xFF_FFFF) }

    /// The day number of a packed memo date.
    @inline(__always)
    private static func day(_ packed: UInt64) -> Int64 { Int64(bitPattern: packed >> 40) &- DateMemo.dayBias }
}
