/// The status values that mean "approved" and "cancelled" (compared ASCII
/// case-insensitively, byte for byte otherwise). An empty status is approved.
///
/// Defaults: approved = `approved`, `approve`, `승인`, `정상`; cancelled = `cancel`,
/// `cancelled`, `canceled`, `취소`. A status column mapped from a yes/no
/// cancellation flag (for example 취소여부) adds `N`/`0` (approved) and `Y`/`1` (cancelled).
public struct StatusVocabulary: Sendable, Equatable {
    public var approved: [String]
    public var cancelled: [String]

    public static let standard = StatusVocabulary(
        approved: ["approved", "approve", "승인", "정상"],
        cancelled: ["cancel", "cancelled", "canceled", "취소"])

    /// The yes/no flag values plus the standard values, for columns such as 취소여부 ("is
    /// cancelled"); the flags first, since they are what such a column holds (the scanner's
    /// exact-word table is searched in this order).
    public static let cancellationFlag = StatusVocabulary(
        approved: ["N", "0", "n", "false"] + standard.approved,
        cancelled: ["Y", "1", "y", "true"] + standard.cancelled)

    public init(approved: [String], cancelled: [String]) {
        self.approved = approved
        self.cancelled = cancelled
    }

    /// The values as byte strings in `encoding`, for the scanner.
    func encoded(_ encoding: TextEncoding) -> EncodedStatusVocabulary {
        EncodedStatusVocabulary(
            approved: approved.compactMap { encoding.encode($0) },
            cancelled: cancelled.compactMap { encoding.encode($0) })
    }
}

/// Status values as bytes in the log's encoding.
struct EncodedStatusVocabulary: Sendable {
    let approved: [[UInt8]]
    let cancelled: [[UInt8]]

    enum Status { case approved, cancel, unknown }

    func classify(_ f: UnsafeRawBufferPointer) -> Status {
        var start = 0, end = f.count
        while start < end && f[start] == 0x20 { start += 1 }
        while end > start && f[end - 1] == 0x20 { end -= 1 }
        if start == end { return .approved }
        let field = UnsafeRawBufferPointer(rebasing: f[start..<end])
        for token in approved where Self.matches(field, token) { return .approved }
        for token in cancelled where Self.matches(field, token) { return .cancel }
        return .unknown
    }

    static func matches(_ f: UnsafeRawBufferPointer, _ token: [UInt8]) -> Bool {
        guard f.count == token.count else { return false }
        for k in 0..<token.count {
            let a = f[k], b = token[k]
            if a == b { continue }
            // ASCII letters compare case-insensitively.
            if a | 0x20 == b | 0x20 && (a | 0x20) >= 0x61 && (a | 0x20) <= 0x7A { continue }
            return false
        }
        return true
    }
}
