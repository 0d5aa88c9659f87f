/// Re-seals a mutated aggregate state file: appends the `END!` marker and the FNV-1a 64
/// checksum the reader expects (see `ScanAggregates+Serialization.swift`), so the fuzzer
/// reaches the section decoder instead of stopping at the checksum every time.
public enum StateSeal {
    static let endMarker: [UInt8] = Array("END!".utf8)

    /// `body` without any old trailer, plus a fresh `END!` and checksum.
    public static func seal(_ body: [UInt8]) -> [UInt8] {
        var content = body
        let n = content.count
        if n >= 12 && Array(content[(n - 12)..<(n - 8)]) == endMarker { content.removeLast(12) }
        content += endMarker
        let checksum = fnv1a(content)
        for k in 0..<8 { content.append(UInt8(truncatingIfNeeded: checksum >> (8 * UInt64(k)))) }
        return content
    }

    /// FNV-1a 64 over `bytes` (the state file's checksum).
    public static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }
}
