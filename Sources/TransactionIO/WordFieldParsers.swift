/// Word-at-a-time (SWAR) versions of the `FieldParsers` for the common case: a
/// plain ASCII field that is not quoted. Each reads whole 8-byte words, so the
/// caller must guarantee that at least 16 bytes are readable from the field's
/// start, whatever its length (`ChunkParser` uses them only for rows that end at
/// least 32 bytes before the end of its buffer).
///
/// Every function returns nil when its fast form does not apply; the caller then
/// uses the byte-wise `FieldParsers` on the same field. Whenever a function here
/// returns a value, `FieldParsers` returns the same value for the same bytes (the
/// tests check this on every field of random and hostile rows).
enum WordFieldParsers {
    /// The low `n` bytes of a word set (none for n = 0, all for n ≥ 8; n ≥ 0 at every caller).
    /// A masking shift and one select, without branches.
    @inline(__always)
    static func lowBytes(_ n: Int) -> UInt64 {
        assert(n >= 0)
        let low = (UInt64(1) &<< UInt64(truncatingIfNeeded: 8 &* n)) &- 1  // exact for 0 ≤ n < 8
        return n >= 8 ? ~0 : low
    }

    /// Whether every byte of `w` selected by `mask` is an ASCII digit.
    /// XOR with '0' maps '0'…'9' to 0…9; a byte is a digit iff its upper nibble is 0
    /// and adding 6 does not carry into it (no carry crosses bytes: each is ≤ 0x0F + 6).
    @inline(__always)
    static func allDigits(_ w: UInt64, mask: UInt64) -> Bool {
        let t = (w ^ 0x3030_3030_3030_3030) & mask
        return (t | (t &+ 0x0606_0606_0606_0606)) & 0xF0F0_F0F0_F0F0_F0F0 & mask == 0
    }

    @inline(__always)
    static func byte(_ w: UInt64, _ k: Int) -> Int { Int(truncatingIfNeeded: (w >> UInt64(8 * k)) & 0xFF) }

    /// `YYYY-MM-DD HH:MM:SS` (19 bytes, a space between date and time) or `YYYYMMDDHHMMSS`
    /// (14, `compactTimestamp`); the same calendar checks and result as `FieldParsers.timestamp`.
    @inline(__always)
    static func timestamp(_ p: UnsafeRawPointer, count n: Int, months: MonthTable = .shared) -> ParsedTimestamp? {
        guard n == 19 else { return n == 14 ? compactTimestamp(p, months: months) : nil }
        // Safe: the caller guarantees 16 readable bytes from p and n == 19, so p…p+18 are readable.
        let w0 = p.loadUnaligned(as: UInt64.self)                      // "YYYY-MM-"
        let w1 = p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)   // "DD HH:MM"
        let w2 = p.loadUnaligned(fromByteOffset: 11, as: UInt64.self)  // "HH:MM:SS"
        guard let date = date(w0, w1, months: months), let time = timeOfDay(w1, w2) else { return nil }
        return ParsedTimestamp(month: date.month, hour: UInt8(truncatingIfNeeded: time.hour),
                               epochSeconds: Int64(date.days) &* 86_400 &+ Int64(time.seconds))
    }

    /// `YYYYMMDDHHMMSS` (14 digits, the compact form of many card-company exports); the same
    /// calendar checks and result as `FieldParsers.timestamp`. Requires 16 readable bytes at `p`.
    @inline(__always)
    static func compactTimestamp(_ p: UnsafeRawPointer, months: MonthTable) -> ParsedTimestamp? {
        // Safe: the caller guarantees 16 readable bytes from p.
        let w0 = p.loadUnaligned(as: UInt64.self)                     // "YYYYMMDD"
        let w1 = p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)  // "HHMMSS.."
        guard allDigits(w0, mask: ~0), allDigits(w1, mask: 0x0000_FFFF_FFFF_FFFF) else { return nil }
        // Digit pairs as in `date`: byte k of the product is the two-digit number at k, k+1.
        let p0 = ((w0 ^ 0x3030_3030_3030_3030) &* 2561) >> 8
        let p1 = (((w1 ^ 0x3030_3030_3030_3030) & 0x0000_FFFF_FFFF_FFFF) &* 2561) >> 8
        let year = byte(p0, 0) &* 100 &+ byte(p0, 2)
        let month = byte(p0, 4), day = byte(p0, 6)
        let hour = byte(p1, 0), minute = byte(p1, 2), second = byte(p1, 4)
        guard month >= 1 && month <= 12, day >= 1, hour <= 23, minute <= 59, second <= 60,
              let days = months.day(year: year, month: month, day: day) else { return nil }
        return ParsedTimestamp(month: Int32(truncatingIfNeeded: year &* 100 &+ month), hour: UInt8(truncatingIfNeeded: hour),
                               epochSeconds: Int64(days) &* 86_400 &+ Int64(hour &* 3600 &+ minute &* 60 &+ min(second, 59)))
    }

    /// The date of a timestamp from its bytes 0–7 (`w0`, "YYYY-MM-") and 8–15 (`w1`, "DD…"):
    /// '-' at 4 and 7, digits, a month 1–12 and a day of that month. The month as YYYYMM and
    /// the day number (days since 1970-01-01), or nil. `DateMemo` keeps these per date.
    @inline(__always)
    static func date(_ w0: UInt64, _ w1: UInt64, months: MonthTable) -> (month: Int32, days: Int)? {
        guard w0 & 0xFF00_00FF_0000_0000 == 0x2D00_002D_0000_0000,
              allDigits(w0, mask: 0x00FF_FF00_FFFF_FFFF),
              allDigits(w1, mask: 0x0000_0000_0000_FFFF) else { return nil }
        // Digit pairs, several per multiply: with the separators masked to zero every byte is a
        // digit value 0…9, so byte k of d · (10·256 + 1) is d[k] + 10·d[k−1] ≤ 99 (no carries);
        // after a shift by 8, byte k holds the two-digit number at k, k+1.
        let p0 = (((w0 ^ 0x3030_3030_3030_3030) & 0x00FF_FF00_FFFF_FFFF) &* 2561) >> 8   // YYYY-MM-
        let p1 = (((w1 ^ 0x3030_3030_3030_3030) & 0x0000_0000_0000_FFFF) &* 2561) >> 8   // DD
        let year = byte(p0, 0) &* 100 &+ byte(p0, 2)
        let month = byte(p0, 5)
        let day = byte(p1, 0)
        guard month >= 1 && month <= 12, day >= 1, let days = months.day(year: year, month: month, day: day) else { return nil }
        return (Int32(truncatingIfNeeded: year &* 100 &+ month), days)
    }

    /// The time of day of a timestamp from its bytes 8–15 (`w1`) and 11–18 (`w2`, "HH:MM:SS"):
    /// ' ' at 10, ':' at 13 and 16, digits, hour ≤ 23, minute ≤ 59, second ≤ 60. The hour and
    /// the seconds since midnight (a leap second counts as 59), or nil.
    @inline(__always)
    static func timeOfDay(_ w1: UInt64, _ w2: UInt64) -> (hour: Int, seconds: Int)? {
        guard w1 & 0x0000_0000_00FF_0000 == 0x0000_0000_0020_0000,
              w2 & 0x0000_FF00_00FF_0000 == 0x0000_3A00_003A_0000,
              allDigits(w2, mask: 0xFFFF_00FF_FF00_FFFF) else { return nil }
        let pairs = (((w2 ^ 0x3030_3030_3030_3030) & 0xFFFF_00FF_FF00_FFFF) &* 2561) >> 8
        let hour = byte(pairs, 0), minute = byte(pairs, 3), second = byte(pairs, 6)
        guard hour <= 23, minute <= 59, second <= 60 else { return nil }
        return (hour, hour &* 3600 &+ minute &* 60 &+ min(second, 59))
    }

    /// 1–16 plain digits (no sign, separator or fraction): cannot overflow Int64.
    /// Up to 8 digits (region codes, most amounts) inline; longer ones out of line.
    @inline(__always)
    static func digits(_ p: UnsafeRawPointer, count n: Int) -> Int64? {
        guard UInt(bitPattern: n &- 1) < 8 else { return n > 8 && n <= 16 ? longDigits(p, count: n) : nil }
        // Safe: 16 bytes are readable from p (caller's guarantee) and 1 ≤ n ≤ 8.
        let w0 = p.loadUnaligned(as: UInt64.self)
        guard allDigits(w0, mask: lowBytes(n)) else { return nil }
        // Shift the n digits to the top bytes: the bytes below become leading zeros.
        return Int64(bitPattern: eightDigits((w0 ^ 0x3030_3030_3030_3030) << UInt64(64 &- 8 &* n)))
    }

    /// 9–16 digits.
    @inline(never)
    static func longDigits(_ p: UnsafeRawPointer, count n: Int) -> Int64? {
        // Safe: 16 bytes are readable from p (caller's guarantee) and 9 ≤ n ≤ 16.
        let w0 = p.loadUnaligned(as: UInt64.self)
        let w1 = p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        guard allDigits(w0, mask: ~0), allDigits(w1, mask: lowBytes(n &- 8)) else { return nil }
        let high = eightDigits(w0 ^ 0x3030_3030_3030_3030)
        let low = eightDigits((w1 ^ 0x3030_3030_3030_3030) << UInt64(128 &- 8 &* n))
        var scale: UInt64 = 1
        for _ in 0..<(n &- 8) { scale &*= 10 }
        return Int64(bitPattern: high &* scale &+ low)
    }

    /// The value of eight digit values 0…9, one per byte, the first (most significant) in
    /// the lowest byte: three multiply-shift steps combine pairs, then quads, then halves
    /// (D. Lemire, "Quickly parsing eight digits", 2022).
    @inline(__always)
    static func eightDigits(_ d: UInt64) -> UInt64 {
        var v = (d &* 2561) >> 8                                        // 10·256 + 1
        v = ((v & 0x00FF_00FF_00FF_00FF) &* 6_553_601) >> 16            // 100·65536 + 1
        return ((v & 0x0000_FFFF_0000_FFFF) &* 42_949_672_960_001) >> 32 // 10000·2³² + 1
    }

    /// An industry code of 1–8 printable ASCII bytes, packed like `IndustryCode(bytes:)`.
    @inline(__always)
    static func industry(_ p: UnsafeRawPointer, count n: Int) -> IndustryCode? {
        guard n >= 1 && n <= 8 else { return nil }
        let mask = lowBytes(n)
        // Safe: 16 bytes are readable from p (caller's guarantee).
        let w = p.loadUnaligned(as: UInt64.self) & mask
        let high = 0x8080_8080_8080_8080 & mask
        // Printable means 0x21…0x7E: no high bit, ≥ 0x21 (adding 0x5F sets the high bit,
        // without carrying across bytes since each byte is < 0x80), and not 0x7F.
        guard w & high == 0, (w &+ (0x5F5F_5F5F_5F5F_5F5F & mask)) & high == high else { return nil }
        let x = (w ^ 0x7F7F_7F7F_7F7F_7F7F) | ~mask   // a 0x7F byte becomes a zero byte
        guard (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 == 0 else { return nil }
        return IndustryCode(packed: w.byteSwapped)
    }

    /// `FieldParsers.idHash` for ids of 1–16 bytes (the same value), nil for longer ones.
    @inline(__always)
    static func idHash(_ p: UnsafeRawPointer, count n: Int) -> UInt64? {
        guard n >= 1 && n <= 16 else { return nil }
        // Safe: 16 bytes are readable from p (caller's guarantee).
        let a = p.loadUnaligned(as: UInt64.self) & lowBytes(n)
        let b = n > 8 ? p.loadUnaligned(fromByteOffset: 8, as: UInt64.self) & lowBytes(n - 8) : 0
        return FieldParsers.mixIDWords(a, b, count: n)
    }

    /// The field's bytes as a zero-padded word (fields of 1–8 bytes), for exact comparisons.
    @inline(__always)
    static func word(_ p: UnsafeRawPointer, count n: Int) -> UInt64 {
        // Safe: 16 bytes are readable from p (caller's guarantee).
        p.loadUnaligned(as: UInt64.self) & lowBytes(n)
    }
}
