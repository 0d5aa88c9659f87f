#if canImport(_Builtin_intrinsics.intel)
import _Builtin_intrinsics.intel
#endif

extension CP949Validation {
    /// `isValid(_:allowTruncatedEnd: false)` for the `count` bytes at `p` (up to 63 at once),
    /// where the 16 bytes after them are readable (the plain-row path's text fields).
    ///
    /// Every byte of 81–FE is a valid lead and a valid trail, so a text whose non-ASCII bytes
    /// come in runs of even length, none of them 80 or FF, is valid: each run splits into
    /// (lead, trail) pairs, and no ASCII byte is anyone's trail. That holds for Hangul of
    /// KS X 1001 (both bytes A1–FE). An 80 or FF byte is valid nowhere. A run of odd length
    /// (a lead whose trail is an ASCII letter, the UHC extension) or a longer text goes to
    /// the byte loop, which decides. Odd runs are found with the carries of an addition, as
    /// simdjson finds odd runs of backslashes (Langdale & Lemire, "Parsing gigabytes of JSON
    /// per second", 2019, §3.1.1).
    @inline(__always)
    static func isValidPadded(_ p: UnsafeRawPointer, count n: Int) -> Bool {
        #if canImport(_Builtin_intrinsics.intel)
        guard n <= 63 else { return isValid(UnsafeRawBufferPointer(start: p, count: n), allowTruncatedEnd: false) }
        var high: UInt64 = 0, never: UInt64 = 0
        let x80 = _mm_set1_epi8(Int8(bitPattern: 0x80)), xFF = _mm_set1_epi8(-1)
        var offset = 0
        while offset < n {
            // Safe: offset < n, and 16 bytes after the n are readable, so p + offset + 15 is.
            let v = _mm_loadu_si128((p + offset).assumingMemoryBound(to: __m128i.self))
            high |= UInt64(UInt16(truncatingIfNeeded: _mm_movemask_epi8(v))) << UInt64(offset)
            never |= UInt64(UInt16(truncatingIfNeeded: _mm_movemask_epi8(
                _mm_or_si128(_mm_cmpeq_epi8(v, x80), _mm_cmpeq_epi8(v, xFF))))) << UInt64(offset)
            offset &+= 16
        }
        let inField = (UInt64(1) << UInt64(n)) &- 1  // n ≤ 63: the bit after the text is clear
        high &= inField
        if high == 0 { return true }
        if never & inField != 0 { return false }
        // Runs of high bytes: starts at even and odd positions, each added to the run so that
        // its carry lands on the bit after the run; the run is odd exactly when that bit's
        // position has the other parity than the start's.
        let even: UInt64 = 0x5555_5555_5555_5555
        let starts = high & ~(high << 1)
        let afterEvenStarts = (high &+ (starts & even)) & ~high
        let afterOddStarts = (high &+ (starts & ~even)) & ~high
        let oddRuns = (afterEvenStarts & ~even) | (afterOddStarts & even)
        return oddRuns == 0 || isValid(UnsafeRawBufferPointer(start: p, count: n), allowTruncatedEnd: false)
        #else
        return isValid(UnsafeRawBufferPointer(start: p, count: n), allowTruncatedEnd: false)
        #endif
    }
}
