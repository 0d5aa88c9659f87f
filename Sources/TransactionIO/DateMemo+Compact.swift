extension DateMemo {
    /// `WordFieldParsers.compactTimestamp` (`YYYYMMDDHHMMSS`): the same result, with the date
    /// from the memo when its eight bytes were seen before. Compact entries keep the date's
    /// eight bytes as their head and zero in the day digits; a dashed head has '-' where a
    /// compact one has a digit, so neither kind ever matches the other, and they may share
    /// slots. Requires 16 readable bytes at `p`.
    @inline(__always)
    func compactTimestamp(_ p: UnsafeRawPointer, months: MonthTable) -> ParsedTimestamp? {
        // Safe: the caller guarantees 16 readable bytes from p.
        let w1 = p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)  // "HHMMSS.."
        guard let date = compactDate(p, months: months) else { return nil }
        guard WordFieldParsers.allDigits(w1, mask: 0x0000_FFFF_FFFF_FFFF) else { return nil }
        let pairs = (((w1 ^ 0x3030_3030_3030_3030) & 0x0000_FFFF_FFFF_FFFF) &* 2561) >> 8
        let hour = WordFieldParsers.byte(pairs, 0), minute = WordFieldParsers.byte(pairs, 2), second = WordFieldParsers.byte(pairs, 4)
        guard hour <= 23, minute <= 59, second <= 60 else { return nil }
        let days = Int64(bitPattern: date >> 40) &- Self.dayBias
        return ParsedTimestamp(month: Int32(truncatingIfNeeded: (date >> 16) & 0xFF_FFFF), hour: UInt8(truncatingIfNeeded: hour),
                               epochSeconds: days &* 86_400 &+ Int64(hour &* 3600 &+ minute &* 60 &+ min(second, 59)))
    }

    /// The packed date (an entry's `date`: YYYYMM in bits 16–39, the day number plus `dayBias`
    /// in bits 40–63) of the eight bytes `YYYYMMDD` at `p` (all readable), or nil when they are
    /// not a valid date; from the memo when seen before.
    @inline(__always)
    func compactDate(_ p: UnsafeRawPointer, months: MonthTable) -> UInt64? {
        // Safe: the caller guarantees 8 readable bytes from p.
        let w0 = p.loadUnaligned(as: UInt64.self)  // "YYYYMMDD"
        // Safe: a slot is below 2^slotBits, the number of entries.
        let entry = entries + Self.compactSlot(w0)
        if entry.pointee.head == w0 { return entry.pointee.date }
        return Self.compactMiss(entry, w0, months: months)
    }

    /// The entry of a compact date: the low bits of its year's last digit, month and day digits
    /// (bytes 3–7), mixed into `slotBits` bits. A hit compares all eight bytes.
    @inline(__always)
    static func compactSlot(_ head: UInt64) -> Int {
        Int(truncatingIfNeeded: ((head & 0x0F03_0F01_0100_0000) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - slotBits))
    }

    /// A compact date not in its entry: checked and parsed like `WordFieldParsers.compactTimestamp`,
    /// and put there when valid.
    @inline(never)
    static func compactMiss(_ entry: UnsafeMutablePointer<Entry>, _ w0: UInt64, months: MonthTable) -> UInt64? {
        guard WordFieldParsers.allDigits(w0, mask: ~0) else { return nil }
        let pairs = ((w0 ^ 0x3030_3030_3030_3030) &* 2561) >> 8
        let year = WordFieldParsers.byte(pairs, 0) &* 100 &+ WordFieldParsers.byte(pairs, 2)
        let month = WordFieldParsers.byte(pairs, 4), day = WordFieldParsers.byte(pairs, 6)
        guard month >= 1 && month <= 12, day >= 1, let days = months.day(year: year, month: month, day: day) else { return nil }
        let date = UInt64(UInt32(truncatingIfNeeded: year &* 100 &+ month)) << 16 | UInt64(Int64(days) &+ dayBias) << 40
        entry.pointee = Entry(head: w0, date: date)
        return date
    }
}
