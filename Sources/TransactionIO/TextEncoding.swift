#if canImport(Glibc)
import Glibc
#endif

/// The character encoding of a log: UTF-8 (with or without BOM) or CP949
/// (Microsoft's superset of EUC-KR), which Korean public and card-company data
/// often uses. Numbers and codes are ASCII in both; the encoding matters for
/// the header, status words and validation of text fields.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8
    case cp949

    /// Detects the encoding of a sample (the start of a file): valid UTF-8 → utf8;
    /// otherwise valid CP949 → cp949; otherwise utf8 (rows with invalid bytes are then quarantined).
    public static func detect(_ sample: UnsafeRawBufferPointer) -> TextEncoding {
        // A sample cut in the middle of a multi-byte character is still valid up to that point.
        if UTF8Validation.isValid(sample, allowTruncatedEnd: true) { return .utf8 }
        if CP949Validation.isValid(sample, allowTruncatedEnd: true) { return .cp949 }
        return .utf8
    }

    /// Encodes a string (for header names and status words); nil if it cannot be represented.
    func encode(_ s: String) -> [UInt8]? {
        switch self {
        case .utf8: return Array(s.utf8)
        case .cp949: return Iconv.convert(Array(s.utf8), from: "UTF-8", to: "CP949")
        }
    }

    /// Decodes bytes to a String (for the header); invalid sequences become U+FFFD.
    func decode(_ bytes: [UInt8]) -> String {
        switch self {
        case .utf8: return String(decoding: bytes, as: UTF8.self)
        case .cp949:
            if let utf8 = Iconv.convert(bytes, from: "CP949", to: "UTF-8") { return String(decoding: utf8, as: UTF8.self) }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// `isValid` for the `count` bytes at `p`, with 16 readable bytes after them.
    @inline(__always)
    func isValidPadded(_ p: UnsafeRawPointer, count: Int) -> Bool {
        switch self {
        case .utf8: return UTF8Validation.isValidPadded(p, count: count)
        case .cp949: return CP949Validation.isValidPadded(p, count: count)
        }
    }

    /// Whether `bytes` are valid in this encoding.
    func isValid(_ bytes: UnsafeRawBufferPointer) -> Bool {
        switch self {
        case .utf8: return UTF8Validation.isValid(bytes, allowTruncatedEnd: false)
        case .cp949: return CP949Validation.isValid(bytes, allowTruncatedEnd: false)
        }
    }
}

/// glibc iconv, for the few strings that need converting (header, status words).
enum Iconv {
    static func convert(_ input: [UInt8], from: String, to: String) -> [UInt8]? {
        let cd = iconv_open(to, from)
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var inBytes = input.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: input.count * 4 + 16)
        let outCapacity = output.count
        var remaining = 0
        let ok: Bool = inBytes.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPtr: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                var inLeft = inBuffer.count
                var outPtr: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                var outLeft = outCapacity
                // Safe: iconv reads at most inLeft bytes and writes at most outLeft bytes.
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                remaining = outLeft
                return r != -1 && inLeft == 0
            }
        }
        output.removeLast(remaining)
        return ok ? output.map { UInt8(bitPattern: $0) } : nil
    }
}

/// UTF-8 validation (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF).
enum UTF8Validation {
    /// `allowTruncatedEnd`: a character cut off by the end of `b` (a sample) is accepted.
    /// Eight ASCII bytes are skipped at once, and the common three-byte character (lead
    /// E1–EC or EE–EF, which takes any two continuation bytes: Hangul syllables, U+AC00–U+D7A3,
    /// lead EA–ED, are all but ED's) is checked with two masks; the rest byte by byte (a 4 M-row
    /// Korean export spent 14 % of its scan here before).
    static func isValid(_ b: UnsafeRawBufferPointer, allowTruncatedEnd: Bool) -> Bool {
        guard let p = b.baseAddress else { return true }
        var i = 0
        let n = b.count
        while i < n {
            // Safe (every load below): i + 8 ≤ n, i + 2 < n or i < n, checked before each.
            if i &+ 8 <= n && p.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i &+= 8
                continue
            }
            let c = p.load(fromByteOffset: i, as: UInt8.self)
            if c < 0x80 { i &+= 1; continue }
            if c >= 0xE1 && c <= 0xEF && c != 0xED && i &+ 2 < n {
                let t1 = p.load(fromByteOffset: i &+ 1, as: UInt8.self), t2 = p.load(fromByteOffset: i &+ 2, as: UInt8.self)
                guard t1 & 0xC0 == 0x80 && t2 & 0xC0 == 0x80 else { return false }
                i &+= 3
                continue
            }
            let need: Int
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lo = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; hi = 0x9F
            case 0xF0: need = 3; lo = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; hi = 0x8F
            default: return false
            }
            for k in 1...need {
                if i + k >= n { return allowTruncatedEnd }
                let x = b[i + k]
                guard k == 1 ? (x >= lo && x <= hi) : (x >= 0x80 && x <= 0xBF) else { return false }
            }
            i += need + 1
        }
        return true
    }
}

/// CP949 (Unified Hangul Code) byte-structure validation: ASCII, or a lead byte
/// 0x81–0xFE followed by a trail byte 0x41–0x5A, 0x61–0x7A or 0x81–0xFE.
enum CP949Validation {
    static func isValid(_ b: UnsafeRawBufferPointer, allowTruncatedEnd: Bool) -> Bool {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            guard c >= 0x81 && c <= 0xFE else { return false }
            if i + 1 >= n { return allowTruncatedEnd }
            let t = b[i + 1]
            guard (t >= 0x41 && t <= 0x5A) || (t >= 0x61 && t <= 0x7A) || (t >= 0x81 && t <= 0xFE) else { return false }
            i += 2
        }
        return true
    }
}
