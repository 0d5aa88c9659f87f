#if canImport(_Builtin_intrinsics.intel)
import _Builtin_intrinsics.intel
#endif

/// Bitmasks of one 64-byte block: bit k is set when byte k is a quote, the
/// delimiter, a newline, or has its high bit set (non-ASCII).
struct BlockMasks {
    var quote: UInt64
    var delimiter: UInt64
    var newline: UInt64
    var high: UInt64

    /// Computes the masks of the 64 bytes at `p` (all must be readable).
    /// On x86-64 four SSE2 compares and `pmovmskb` per 16 bytes (SSE2 is part of
    /// the x86-64 baseline, so no CPU check is needed); elsewhere a portable loop.
    @inline(__always)
    init(_ p: UnsafeRawPointer, delimiter d: UInt8) {
        #if canImport(_Builtin_intrinsics.intel)
        let quoteV = _mm_set1_epi8(0x22)
        let delimV = _mm_set1_epi8(Int8(bitPattern: d))
        let newlineV = _mm_set1_epi8(0x0A)
        var q: UInt64 = 0, de: UInt64 = 0, n: UInt64 = 0, h: UInt64 = 0
        for k in 0..<4 {
            // Safe: the caller guarantees 64 readable bytes at p; loadu has no alignment requirement.
            let v = _mm_loadu_si128((p + 16 * k).assumingMemoryBound(to: __m128i.self))
            let shift = UInt64(16 * k)
            q |= UInt64(UInt16(truncatingIfNeeded: _mm_movemask_epi8(_mm_cmpeq_epi8(v, quoteV)))) << shift
            de |= UInt64(UInt16(truncatingIfNeeded: _mm_movemask_epi8(_mm_cmpeq_epi8(v, delimV)))) << shift
            n |= UInt64(UInt16(truncatingIfNeeded: _mm_movemask_epi8(_mm_cmpeq_epi8(v, newlineV)))) << shift
            h |= UInt64(UInt16(truncatingIfNeeded: _mm_movemask_epi8(v))) << shift
        }
        quote = q
        delimiter = de
        newline = n
        high = h
        #else
        var q: UInt64 = 0, de: UInt64 = 0, n: UInt64 = 0, h: UInt64 = 0
        for k in 0..<64 {
            let b = p.load(fromByteOffset: k, as: UInt8.self)
            let bit = UInt64(1) << UInt64(k)
            if b == 0x22 { q |= bit }
            if b == d { de |= bit }
            if b == 0x0A { n |= bit }
            if b >= 0x80 { h |= bit }
        }
        quote = q
        delimiter = de
        newline = n
        high = h
        #endif
    }

    /// The number of quote bytes among the 64 at `p` (all must be readable).
    @inline(__always)
    static func quoteCount(_ p: UnsafeRawPointer) -> Int {
        #if canImport(_Builtin_intrinsics.intel)
        let quoteV = _mm_set1_epi8(0x22)
        // Safe: the caller guarantees 64 readable bytes at p; loadu has no alignment requirement.
        let a = _mm_cmpeq_epi8(_mm_loadu_si128(p.assumingMemoryBound(to: __m128i.self)), quoteV)
        let b = _mm_cmpeq_epi8(_mm_loadu_si128((p + 16).assumingMemoryBound(to: __m128i.self)), quoteV)
        let c = _mm_cmpeq_epi8(_mm_loadu_si128((p + 32).assumingMemoryBound(to: __m128i.self)), quoteV)
        let d = _mm_cmpeq_epi8(_mm_loadu_si128((p + 48).assumingMemoryBound(to: __m128i.self)), quoteV)
        if _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d))) == 0 { return 0 }
        return Int(UInt16(truncatingIfNeeded: _mm_movemask_epi8(a))).nonzeroBitCount
            + Int(UInt16(truncatingIfNeeded: _mm_movemask_epi8(b))).nonzeroBitCount
            + Int(UInt16(truncatingIfNeeded: _mm_movemask_epi8(c))).nonzeroBitCount
            + Int(UInt16(truncatingIfNeeded: _mm_movemask_epi8(d))).nonzeroBitCount
        #else
        return BlockMasks(p, delimiter: 0x22).quote.nonzeroBitCount
        #endif
    }

    /// Prefix XOR: bit k of the result is the parity of bits 0…k of `x`
    /// (six shift-XOR steps instead of a carry-less multiply).
    @inline(__always)
    static func prefixXOR(_ x: UInt64) -> UInt64 {
        var x = x
        x ^= x << 1
        x ^= x << 2
        x ^= x << 4
        x ^= x << 8
        x ^= x << 16
        x ^= x << 32
        return x
    }
}
