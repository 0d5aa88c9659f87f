#if canImport(_Builtin_intrinsics.intel)
import _Builtin_intrinsics.intel
#endif

/// Bitmasks of one 64-byte block: bit k is set when byte k is a delimiter or a
/// newline (`structural`), a newline, a quote, or has its high bit set (non-ASCII).
struct BlockMasks {
    var structural: UInt64
    var newline: UInt64
    var quote: UInt64
    var high: UInt64

    /// Computes the masks of the 64 bytes at `p` (all must be readable).
    /// On x86-64 SSE2 compares and `pmovmskb` per 16 bytes (SSE2 is part of the x86-64
    /// baseline, so no CPU check is needed); quotes and non-ASCII bytes are rare, so
    /// their masks are built only when one test over the whole block finds any.
    /// Elsewhere a portable loop.
    @inline(__always)
    init(_ p: UnsafeRawPointer, delimiter d: UInt8) {
        #if canImport(_Builtin_intrinsics.intel)
        let quoteV = _mm_set1_epi8(0x22)
        let delimV = _mm_set1_epi8(Int8(bitPattern: d))
        let newlineV = _mm_set1_epi8(0x0A)
        // Safe: the caller guarantees 64 readable bytes at p; loadu has no alignment requirement.
        let v0 = _mm_loadu_si128(p.assumingMemoryBound(to: __m128i.self))
        let v1 = _mm_loadu_si128((p + 16).assumingMemoryBound(to: __m128i.self))
        let v2 = _mm_loadu_si128((p + 32).assumingMemoryBound(to: __m128i.self))
        let v3 = _mm_loadu_si128((p + 48).assumingMemoryBound(to: __m128i.self))
        @inline(__always) func bits(_ m: __m128i, _ shift: UInt64) -> UInt64 {
            UInt64(UInt16(truncatingIfNeeded: _mm_movemask_epi8(m))) << shift
        }
        let n0 = _mm_cmpeq_epi8(v0, newlineV), n1 = _mm_cmpeq_epi8(v1, newlineV)
        let n2 = _mm_cmpeq_epi8(v2, newlineV), n3 = _mm_cmpeq_epi8(v3, newlineV)
        newline = bits(n0, 0) | bits(n1, 16) | bits(n2, 32) | bits(n3, 48)
        structural = bits(_mm_or_si128(_mm_cmpeq_epi8(v0, delimV), n0), 0)
            | bits(_mm_or_si128(_mm_cmpeq_epi8(v1, delimV), n1), 16)
            | bits(_mm_or_si128(_mm_cmpeq_epi8(v2, delimV), n2), 32)
            | bits(_mm_or_si128(_mm_cmpeq_epi8(v3, delimV), n3), 48)
        let q0 = _mm_cmpeq_epi8(v0, quoteV), q1 = _mm_cmpeq_epi8(v1, quoteV)
        let q2 = _mm_cmpeq_epi8(v2, quoteV), q3 = _mm_cmpeq_epi8(v3, quoteV)
        if _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(q0, q1), _mm_or_si128(q2, q3))) == 0 {
            quote = 0
        } else {
            quote = bits(q0, 0) | bits(q1, 16) | bits(q2, 32) | bits(q3, 48)
        }
        if _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(v0, v1), _mm_or_si128(v2, v3))) == 0 {
            high = 0
        } else {
            high = bits(v0, 0) | bits(v1, 16) | bits(v2, 32) | bits(v3, 48)
        }
        #else
        var q: UInt64 = 0, st: UInt64 = 0, n: UInt64 = 0, h: UInt64 = 0
        for k in 0..<64 {
            let b = p.load(fromByteOffset: k, as: UInt8.self)
            let bit = UInt64(1) << UInt64(k)
            if b == 0x22 { q |= bit }
            if b == d || b == 0x0A { st |= bit }
            if b == 0x0A { n |= bit }
            if b >= 0x80 { h |= bit }
        }
        quote = q
        structural = st
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
        return BlockMasks(p, delimiter: 0x0A).quote.nonzeroBitCount
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
