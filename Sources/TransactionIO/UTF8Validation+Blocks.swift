#if canImport(_Builtin_intrinsics.intel)
import _Builtin_intrinsics.intel
#endif

extension UTF8Validation {
    /// `isValid(_:allowTruncatedEnd: false)` for the `count` bytes at `p`, sixteen at a time
    /// (`UTF8BlockValidator`), where the 16 bytes after them are readable (the plain-row path's
    /// text fields). A block the validator cannot decide sends the whole field to `isValid`.
    @inline(__always)
    static func isValidPadded(_ p: UnsafeRawPointer, count n: Int) -> Bool {
        #if canImport(_Builtin_intrinsics.intel)
        var validator = UTF8BlockValidator()
        var i = 0
        while i < n {
            let inField: UInt32 = n &- i >= 16 ? 0xFFFF : (1 << UInt32(n &- i)) &- 1
            // Safe: i < n and 16 bytes after the n are readable, so p + i ..< p + i + 16 is.
            switch validator.check(_mm_loadu_si128((p + i).assumingMemoryBound(to: __m128i.self)), inField: inField) {
            case .valid: break
            case .invalid: return false
            case .undecided: return isValid(UnsafeRawBufferPointer(start: p, count: n), allowTruncatedEnd: false)
            }
            i &+= 16
        }
        return validator.complete
        #else
        return isValid(UnsafeRawBufferPointer(start: p, count: n), allowTruncatedEnd: false)
        #endif
    }
}
