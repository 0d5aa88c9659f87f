/// An industry code (KSIC, or a card company's merchant category) of up to 8
/// ASCII characters, packed into a `UInt64` so aggregation keys stay small and
/// hashing is cheap. Leading zeros are kept ("01110" ≠ "1110").
public struct IndustryCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The bytes, first byte in the highest-order position, zero-padded.
    public let packed: UInt64

    public init(packed: UInt64) { self.packed = packed }

    /// Packs `bytes` (1 to 8 printable ASCII bytes); nil otherwise.
    @inlinable
    public init?(bytes: UnsafeRawBufferPointer) {
        guard bytes.count >= 1 && bytes.count <= 8 else { return nil }
        var value: UInt64 = 0
        for b in bytes {
            guard b > 0x20 && b < 0x7F else { return nil }
            value = (value << 8) | UInt64(b)
        }
        self.packed = value << (8 * UInt64(8 - bytes.count))
    }

    /// From a string such as "56111".
    public init?(_ string: String) {
        var s = string
        let code = s.withUTF8 { IndustryCode(bytes: UnsafeRawBufferPointer($0)) }
        guard let code else { return nil }
        self = code
    }

    public var description: String {
        var bytes: [UInt8] = []
        for k in 0..<8 {
            let b = UInt8(truncatingIfNeeded: packed >> (56 - 8 * UInt64(k)))
            if b == 0 { break }
            bytes.append(b)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func < (a: IndustryCode, b: IndustryCode) -> Bool { a.packed < b.packed }
}
