/// Edits aggregate state files byte by byte for tests (layout in
/// Sources/Aggregates/ScanAggregates+Serialization.swift): finds sections, patches
/// little-endian integers, and re-seals the file (`END!` and FNV-1a 64 checksum), so a
/// hand-made hostile file passes the checksum and reaches the section decoder.
struct StateFileBytes {
    var bytes: [UInt8]

    /// The payload offset of section `tag` (after its 4-byte tag and 8-byte length).
    func payloadOffset(of tag: String) -> Int? {
        var offset = 12
        let end = bytes.count - 12
        while offset + 12 <= end {
            let name = String(decoding: bytes[offset..<(offset + 4)], as: UTF8.self)
            let length = Int(readU64(at: offset + 4))
            if name == tag { return offset + 12 }
            offset += 12 + length
        }
        return nil
    }

    func readU64(at offset: Int) -> UInt64 {
        (0..<8).reduce(0) { $0 | UInt64(bytes[offset + $1]) << (8 * UInt64($1)) }
    }

    mutating func writeU64(_ value: UInt64, at offset: Int) {
        for k in 0..<8 { bytes[offset + k] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(k))) }
    }

    /// Recomputes the trailer checksum over everything before it.
    mutating func reseal() {
        let n = bytes.count
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes[0..<(n - 8)] {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        writeU64(h, at: n - 8)
    }

    /// Offset of the first file's `read` count in the ROWS section: count (8), file name (4 + n).
    var firstReadCountOffset: Int? {
        guard let rows = payloadOffset(of: "ROWS") else { return nil }
        let nameLength = Int(bytes[rows + 8]) | Int(bytes[rows + 9]) << 8 | Int(bytes[rows + 10]) << 16 | Int(bytes[rows + 11]) << 24
        return rows + 12 + nameLength
    }
}
