/// A fuzz input cut into the parts a target needs: leading configuration bytes,
/// and the rest split at the first NUL byte (so one input can carry, for example,
/// a mapping file and a log, or a table and a concordance).
public struct FuzzInput {
    /// The whole input.
    public let bytes: [UInt8]

    /// Copies `count` bytes from `start` (libFuzzer's buffer is only valid during the call).
    public init(_ start: UnsafePointer<UInt8>?, _ count: Int) {
        // Safe: libFuzzer passes a buffer of exactly `count` readable bytes (or count 0).
        bytes = count > 0 && start != nil ? Array(UnsafeRawBufferPointer(start: start, count: count)) : []
    }

    /// Configuration byte `k` (0 when the input is shorter).
    public func config(_ k: Int) -> UInt8 { k < bytes.count ? bytes[k] : 0 }

    /// The bytes after the first `skip` configuration bytes.
    public func payload(skipping skip: Int) -> [UInt8] { bytes.count > skip ? Array(bytes[skip...]) : [] }

    /// `payload` split at its first NUL byte: (before, after); after is nil when there is no NUL.
    public static func splitAtNUL(_ payload: [UInt8]) -> (first: [UInt8], second: [UInt8]?) {
        guard let cut = payload.firstIndex(of: 0) else { return (payload, nil) }
        return (Array(payload[..<cut]), Array(payload[(cut + 1)...]))
    }
}
