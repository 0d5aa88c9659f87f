/// A parsed timestamp: clock time as written (an ISO 8601 offset is not applied).
struct ParsedTimestamp: Equatable {
    /// YYYYMM.
    var month: Int32
    /// 0–23.
    var hour: UInt8
    /// Seconds since 1970-01-01 00:00:00 of the clock time as written (a leap second counts as :59).
    var epochSeconds: Int64
}

/// Byte-level parsers for the typed fields of a transaction row. No `String`,
/// no allocation: each reads a field's bytes in place.
enum FieldParsers {
    enum AmountResult { case value(Int64), invalid, overflow }

    /// An integer number of won: optional sign, digits, optional thousands
    /// separators (`12,000` inside a quoted field) and an optional `.0…` fraction of zeros.
    static func amount(_ f: UnsafeRawBufferPointer) -> AmountResult {
        var i = 0
        let n = f.count
        while i < n && f[i] == 0x20 { i += 1 }
        var negative = false
        if i < n && (f[i] == UInt8(ascii: "-") || f[i] == UInt8(ascii: "+")) {
            negative = f[i] == UInt8(ascii: "-")
            i += 1
        }
        var value: Int64 = 0
        var digits = 0
        while i < n {
            let b = f[i]
            if b >= 0x30 && b <= 0x39 {
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(Int64(b &- 0x30))
                if o1 || o2 { return .overflow }
                value = s
                digits += 1
            } else if b == UInt8(ascii: ",") && digits > 0 {
                // thousands separator
            } else if b == UInt8(ascii: ".") {
                i += 1
                while i < n && f[i] == 0x30 { i += 1 }
                break
            } else {
                break
            }
            i += 1
        }
        while i < n && f[i] == 0x20 { i += 1 }
        if digits == 0 || i != n { return .invalid }
        return .value(negative ? -value : value)
    }

    /// A non-negative region code of 1–18 digits.
    static func region(_ f: UnsafeRawBufferPointer) -> Int64? {
        guard f.count >= 1 && f.count <= 18 else { return nil }
        var value: Int64 = 0
        for b in f {
            guard b >= 0x30 && b <= 0x39 else { return nil }
            value = value &* 10 &+ Int64(b &- 0x30)
        }
        return value
    }

    /// Timestamp → (YYYYMM, hour). Accepts `YYYY-MM-DD HH:MM:SS`, ISO 8601
    /// `YYYY-MM-DDTHH:MM:SS[.fff][Z|±HH:MM]` (local clock time kept as written) and
    /// compact `YYYYMMDDHHMMSS`. Validates calendar dates (2023-02-30 is rejected).
    static func timestamp(_ f: UnsafeRawBufferPointer) -> ParsedTimestamp? {
        let n = f.count
        // Fast path: exactly `YYYY-MM-DD HH:MM:SS` (the canonical form).
        if n == 19, let p = f.baseAddress {
            // Safe: n == 19, so offsets 0…18 are inside the field.
            @inline(__always) func d(_ k: Int) -> Int { Int(p.load(fromByteOffset: k, as: UInt8.self)) &- 48 }
            let separators = p.load(fromByteOffset: 4, as: UInt8.self) == 0x2D && p.load(fromByteOffset: 7, as: UInt8.self) == 0x2D
                && p.load(fromByteOffset: 10, as: UInt8.self) == 0x20 && p.load(fromByteOffset: 13, as: UInt8.self) == 0x3A
                && p.load(fromByteOffset: 16, as: UInt8.self) == 0x3A
            @inline(__always) func u(_ k: Int) -> UInt8 { p.load(fromByteOffset: k, as: UInt8.self) &- 0x30 }
            let largest = max(max(max(u(0), u(1)), max(u(2), u(3))), max(max(u(5), u(6)), max(u(8), u(9))),
                              max(max(u(11), u(12)), max(u(14), u(15))), max(u(17), u(18)))
            if separators && largest < 10 {
                let year = d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3)
                let month = d(5) * 10 + d(6), day = d(8) * 10 + d(9)
                let hour = d(11) * 10 + d(12), minute = d(14) * 10 + d(15), second = d(17) * 10 + d(18)
                guard month >= 1 && month <= 12, day >= 1, day <= daysIn(month: month, year: year),
                      hour <= 23, minute <= 59, second <= 60 else { return nil }
                let seconds = Int64(daysFromCivil(year: year, month: month, day: day)) * 86_400
                    + Int64(hour * 3600 + minute * 60 + min(second, 59))
                return ParsedTimestamp(month: Int32(year * 100 + month), hour: UInt8(hour), epochSeconds: seconds)
            }
        }
        func digits(_ at: Int, _ count: Int) -> Int? { decimal(f, at: at, count: count) }
        var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int
        if n == 14, let y = digits(0, 4), let mo = digits(4, 2), let d = digits(6, 2),
           let h = digits(8, 2), let mi = digits(10, 2), let s = digits(12, 2) {
            (year, month, day, hour, minute, second) = (y, mo, d, h, mi, s)
        } else if n >= 19, f[4] == UInt8(ascii: "-"), f[7] == UInt8(ascii: "-"),
                  f[10] == UInt8(ascii: " ") || f[10] == UInt8(ascii: "T"),
                  f[13] == UInt8(ascii: ":"), f[16] == UInt8(ascii: ":"),
                  let y = digits(0, 4), let mo = digits(5, 2), let d = digits(8, 2),
                  let h = digits(11, 2), let mi = digits(14, 2), let s = digits(17, 2) {
            (year, month, day, hour, minute, second) = (y, mo, d, h, mi, s)
            if n > 19 && !validSuffix(f, from: 19) { return nil }
        } else {
            return nil
        }
        guard month >= 1 && month <= 12, day >= 1, day <= daysIn(month: month, year: year),
              hour <= 23, minute <= 59, second <= 60 else { return nil }
        let seconds = Int64(daysFromCivil(year: year, month: month, day: day)) * 86_400
            + Int64(hour * 3600 + minute * 60 + min(second, 59))
        return ParsedTimestamp(month: Int32(year * 100 + month), hour: UInt8(hour), epochSeconds: seconds)
    }

    /// The decimal number written by the `count` bytes of `f` from `at`, or nil when one is not
    /// a digit or they run past the field.
    static func decimal(_ f: UnsafeRawBufferPointer, at: Int, count: Int) -> Int? {
        guard at >= 0, at + count <= f.count else { return nil }
        var v = 0
        for k in at..<(at + count) {
            let b = f[k]
            guard b >= 0x30 && b <= 0x39 else { return nil }
            v = v * 10 + Int(b &- 0x30)
        }
        return v
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-compatible
    /// low-level date algorithms", days_from_civil).
    @inline(__always)
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Fraction of a second and/or a zone suffix after `…:SS`.
    private static func validSuffix(_ f: UnsafeRawBufferPointer, from start: Int) -> Bool {
        var i = start
        let n = f.count
        if i < n && f[i] == UInt8(ascii: ".") {
            i += 1
            let s = i
            while i < n && f[i] >= 0x30 && f[i] <= 0x39 { i += 1 }
            if i == s { return false }
        }
        if i == n { return true }
        if f[i] == UInt8(ascii: "Z") { return i + 1 == n }
        guard f[i] == UInt8(ascii: "+") || f[i] == UInt8(ascii: "-") else { return false }
        let rest = n - i - 1
        guard rest == 5 || rest == 4 || rest == 2 else { return false }
        for k in (i + 1)..<n where !(f[k] >= 0x30 && f[k] <= 0x39) && !(k == i + 3 && f[k] == UInt8(ascii: ":") && rest == 5) {
            return false
        }
        return true
    }

    @inline(__always)
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func equalsASCIICaseInsensitive(_ f: UnsafeRawBufferPointer, _ word: StaticString) -> Bool {
        guard f.count == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for k in 0..<f.count where (f[k] | 0x20) != (w[k] | 0x20) { return false }
        return true
    }

    static func equalsBytes(_ f: UnsafeRawBufferPointer, _ word: StaticString) -> Bool {
        guard f.count == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for k in 0..<f.count where f[k] != w[k] { return false }
        return true
    }

    /// A 128-bit key of an id: the bytes themselves for ids of up to 16 bytes (zero
    /// padded; ids hold no NUL), a 128-bit hash for longer ones (top bit set).
    static func idKey128(_ f: UnsafeRawBufferPointer) -> (UInt64, UInt64) {
        let n = f.count
        guard n > 0, let p = f.baseAddress else { return (0, 0) }
        if n <= 16 {
            var a: UInt64 = 0, b: UInt64 = 0
            withUnsafeMutableBytes(of: &a) { w in
                // Safe: copies min(n, 8) ≤ 8 bytes into an 8-byte word.
                w.baseAddress!.copyMemory(from: p, byteCount: min(n, 8))
            }
            if n > 8 {
                withUnsafeMutableBytes(of: &b) { w in
                    // Safe: copies n − 8 ≤ 8 bytes into an 8-byte word.
                    w.baseAddress!.copyMemory(from: p + 8, byteCount: n - 8)
                }
            }
            return (a, b)
        }
        var h1: UInt64 = 0xcbf2_9ce4_8422_2325, h2: UInt64 = 0x8422_2325_cbf2_9ce4 ^ UInt64(n)
        for k in 0..<n {
            let byte = UInt64(f[k])
            h1 = (h1 ^ byte) &* 0x0000_0100_0000_01b3
            h2 = (h2 &+ byte) &* 0x9E37_79B9_7F4A_7C15
            h2 ^= h2 >> 31
        }
        return (h1 | (1 << 63), h2)
    }

    /// A 64-bit hash of an id's bytes (for distinct consumers and merchants): ids of up to
    /// 16 bytes are read as two words and mixed with their length (so distinct ids collide only
    /// through the final 128→64-bit mix, probability ~2⁻⁶⁴); longer ids are folded 8 bytes at a
    /// time. Never 0 for a non-empty id (0 means "no id").
    @inline(__always)
    static func idHash(_ f: UnsafeRawBufferPointer) -> UInt64 {
        let n = f.count
        guard n > 0, let p = f.baseAddress else { return 0 }
        var a: UInt64 = 0, b: UInt64 = 0
        if n <= 16 {
            withUnsafeMutableBytes(of: &a) { w in
                // Safe: copies min(n, 8) ≤ 8 bytes into an 8-byte word.
                w.baseAddress!.copyMemory(from: p, byteCount: min(n, 8))
            }
            if n > 8 {
                withUnsafeMutableBytes(of: &b) { w in
                    // Safe: copies n − 8 ≤ 8 bytes into an 8-byte word.
                    w.baseAddress!.copyMemory(from: p + 8, byteCount: n - 8)
                }
            }
        } else {
            var k = 0
            while k + 8 <= n {
                // Safe: k + 8 ≤ n.
                let w = p.loadUnaligned(fromByteOffset: k, as: UInt64.self)
                a = (a ^ w) &* 0x9E37_79B9_7F4A_7C15
                b = (b &+ w) &* 0xC2B2_AE3D_27D4_EB4F
                b ^= b >> 29
                k += 8
            }
            var tail: UInt64 = 0
            withUnsafeMutableBytes(of: &tail) { w in
                // Safe: copies the n − k < 8 remaining bytes.
                w.baseAddress!.copyMemory(from: p + k, byteCount: n - k)
            }
            a ^= tail
        }
        return mixIDWords(a, b, count: n)
    }

    /// The final mix of `idHash`: two words of id bytes (or of their fold) and the length.
    @inline(__always)
    static func mixIDWords(_ a: UInt64, _ b: UInt64, count n: Int) -> UInt64 {
        var h = (a &* 0x9E37_79B9_7F4A_7C15) ^ ((b ^ UInt64(n)) &* 0xC2B2_AE3D_27D4_EB4F)
        h ^= h >> 32
        h = h &* 0xD6E8_FEB8_6659_FD93
        h ^= h >> 32
        return h == 0 ? 1 : h
    }
}

