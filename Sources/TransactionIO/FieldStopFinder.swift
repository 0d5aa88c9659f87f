#if canImport(_Builtin_intrinsics.intel)
import _Builtin_intrinsics.intel
#endif

/// Finds where a plain field stops: the first delimiter, newline, quote or non-ASCII byte
/// among 16 (one SSE2 load, three compares and a mask). The compare vectors are built once
/// (with SSE2 alone a byte broadcast takes several instructions), not at every field.
struct FieldStopFinder {
    #if canImport(_Builtin_intrinsics.intel)
    let delimiterV: __m128i
    let newlineV = _mm_set1_epi8(0x0A)
    let quoteV = _mm_set1_epi8(0x22)
    #endif
    let delimiter: UInt8

    init(delimiter: UInt8) {
        self.delimiter = delimiter
        #if canImport(_Builtin_intrinsics.intel)
        delimiterV = _mm_set1_epi8(Int8(bitPattern: delimiter))
        #endif
    }

    /// The offset of the first delimiter, newline or quote among the 16 at `p` (all must be
    /// readable), or 16 when there is none: for a status, which is taken only when its bytes are
    /// exactly a vocabulary word in the log's encoding (승인 and 취소 included), so non-ASCII
    /// bytes need no check of their own. (No byte of a CP949 or UTF-8 multi-byte character is a
    /// delimiter, newline or quote, so the field ends where the block scan would end it.)
    @inline(__always)
    func textStop(_ p: UnsafeRawPointer) -> Int { firstStop(p, nonASCII: false) }

    /// The offset of the first delimiter, newline, quote or non-ASCII byte among the 16 at
    /// `p` (all must be readable), or 16 when there is none.
    @inline(__always)
    func stop(_ p: UnsafeRawPointer) -> Int { firstStop(p, nonASCII: true) }

    /// `stop` over the 32 bytes at `p` (all must be readable): the offset of the first stop
    /// among them, or nil when there is none (a field of 32 bytes or more).
    @inline(__always)
    func shortStop(_ p: UnsafeRawPointer) -> Int? {
        let n = stop(p)
        if n < 16 { return n }
        let more = stop(p + 16)
        return more < 16 ? 16 &+ more : nil
    }

    #if canImport(_Builtin_intrinsics.intel)
    /// `textStop` of 16 bytes already loaded.
    @inline(__always)
    func textStop(in v: __m128i) -> Int {
        let hits = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(v, delimiterV), _mm_cmpeq_epi8(v, newlineV)), _mm_cmpeq_epi8(v, quoteV))
        return (UInt32(UInt16(truncatingIfNeeded: _mm_movemask_epi8(hits))) | 0x1_0000).trailingZeroBitCount
    }
    #endif

    /// `textStop`, and whether a byte before the stop is non-ASCII (a text field in the log's
    /// encoding, which the caller must then validate).
    @inline(__always)
    func textStopAndHigh(_ p: UnsafeRawPointer) -> (stop: Int, nonASCII: Bool) {
        #if canImport(_Builtin_intrinsics.intel)
        // Safe: the caller guarantees 16 readable bytes at p; loadu has no alignment requirement.
        let v = _mm_loadu_si128(p.assumingMemoryBound(to: __m128i.self))
        let hits = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(v, delimiterV), _mm_cmpeq_epi8(v, newlineV)), _mm_cmpeq_epi8(v, quoteV))
        let stop = (UInt32(UInt16(truncatingIfNeeded: _mm_movemask_epi8(hits))) | 0x1_0000).trailingZeroBitCount
        let high = UInt32(UInt16(truncatingIfNeeded: _mm_movemask_epi8(v)))
        return (stop, high & ((1 << UInt32(stop)) &- 1) != 0)
        #else
        let stop = textStop(p)
        var nonASCII = false
        for k in 0..<stop where p.load(fromByteOffset: k, as: UInt8.self) >= 0x80 { nonASCII = true }
        return (stop, nonASCII)
        #endif
    }

    /// The offset of the first quote or newline among the 16 at `p` (all must be readable), or
    /// 16 when there is none, and whether a byte before it is non-ASCII: the inside of a quoted
    /// field, where delimiters are content.
    @inline(__always)
    func quoteOrNewline(_ p: UnsafeRawPointer) -> (stop: Int, nonASCII: Bool) {
        #if canImport(_Builtin_intrinsics.intel)
        // Safe: the caller guarantees 16 readable bytes at p; loadu has no alignment requirement.
        let v = _mm_loadu_si128(p.assumingMemoryBound(to: __m128i.self))
        let hits = _mm_or_si128(_mm_cmpeq_epi8(v, newlineV), _mm_cmpeq_epi8(v, quoteV))
        let stop = (UInt32(UInt16(truncatingIfNeeded: _mm_movemask_epi8(hits))) | 0x1_0000).trailingZeroBitCount
        let high = UInt32(UInt16(truncatingIfNeeded: _mm_movemask_epi8(v)))
        return (stop, high & ((1 << UInt32(stop)) &- 1) != 0)
        #else
        var stop = 16
        var nonASCII = false
        for k in 0..<16 {
            let b = p.load(fromByteOffset: k, as: UInt8.self)
            if b == 0x0A || b == 0x22 { stop = k; break }
            if b >= 0x80 { nonASCII = true }
        }
        return (stop, nonASCII)
        #endif
    }

    @inline(__always)
    private func firstStop(_ p: UnsafeRawPointer, nonASCII: Bool) -> Int {
        #if canImport(_Builtin_intrinsics.intel)
        // Safe: the caller guarantees 16 readable bytes at p; loadu has no alignment requirement.
        let v = _mm_loadu_si128(p.assumingMemoryBound(to: __m128i.self))
        var hits = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(v, delimiterV), _mm_cmpeq_epi8(v, newlineV)), _mm_cmpeq_epi8(v, quoteV))
        if nonASCII { hits = _mm_or_si128(hits, v) }  // v: its high bits mark non-ASCII bytes
        return (UInt32(UInt16(truncatingIfNeeded: _mm_movemask_epi8(hits))) | 0x1_0000).trailingZeroBitCount
        #else
        for k in 0..<16 {
            let b = p.load(fromByteOffset: k, as: UInt8.self)
            if b == delimiter || b == 0x0A || b == 0x22 || (nonASCII && b >= 0x80) { return k }
        }
        return 16
        #endif
    }
}
