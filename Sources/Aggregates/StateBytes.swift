/// Little-endian byte writer for aggregate state files.
struct StateWriter {
    var bytes: [UInt8] = []

    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
    mutating func i64(_ v: Int64) { u64(UInt64(bitPattern: v)) }
    mutating func string(_ s: String) {
        let utf8 = Array(s.utf8)
        u32(UInt32(utf8.count))
        bytes += utf8
    }
    mutating func tag(_ t: StaticString) {
        t.withUTF8Buffer { bytes += $0 }
    }
}

/// Little-endian byte reader that never reads out of bounds: every read checks
/// the remaining length and throws a `corruptState` error naming the offset.
struct StateReader {
    let bytes: [UInt8]
    var offset: Int
    let end: Int
    let source: String

    init(bytes: [UInt8], source: String, offset: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        self.offset = offset
        self.end = end ?? bytes.count
        self.source = source
    }

    func corrupt(_ what: String) -> ScanErrorBox {
        ScanErrorBox(source: source, offset: offset, what: what)
    }

    mutating func take(_ n: Int) throws(ScanErrorBox) -> ArraySlice<UInt8> {
        guard n >= 0, n <= end - offset else { throw corrupt("needs \(n) more bytes but the section has \(end - offset)") }
        defer { offset += n }
        return bytes[offset..<(offset + n)]
    }

    mutating func u8() throws(ScanErrorBox) -> UInt8 { try take(1).first! }
    mutating func u32() throws(ScanErrorBox) -> UInt32 {
        var v: UInt32 = 0
        for (k, b) in try take(4).enumerated() { v |= UInt32(b) << (8 * UInt32(k)) }
        return v
    }
    mutating func u64() throws(ScanErrorBox) -> UInt64 {
        var v: UInt64 = 0
        for (k, b) in try take(8).enumerated() { v |= UInt64(b) << (8 * UInt64(k)) }
        return v
    }
    mutating func i64() throws(ScanErrorBox) -> Int64 { Int64(bitPattern: try u64()) }
    mutating func string() throws(ScanErrorBox) -> String {
        let n = Int(try u32())
        let slice = try take(n)
        guard let s = String(validating: slice, as: UTF8.self) else { throw corrupt("a string is not valid UTF-8") }
        return s
    }
    /// A count that must fit in what is left, given at least `minBytes` per element.
    mutating func count(minBytes: Int) throws(ScanErrorBox) -> Int {
        let n = try u64()
        guard n <= UInt64(max(0, end - offset) / max(minBytes, 1)) else { throw corrupt("a count of \(n) cannot fit in the section") }
        return Int(n)
    }
}

/// A decoding failure with its byte offset (turned into a `ScanError` by the caller).
struct ScanErrorBox: Error {
    let source: String
    let offset: Int
    let what: String
}
