/// Exact row accounting for one file (or a merge of files):
/// `read == accepted + quarantined`, always.
public struct RowAccounting: Sendable, Equatable, Codable {
    /// Data rows read (the header is not a row).
    public var read: Int64 = 0
    /// Rows counted in the aggregates.
    public var accepted: Int64 = 0
    /// Rows set aside, by reason.
    public var quarantinedByReason: [QuarantineReason: Int64] = [:]
    /// Accepted rows that were cancellations.
    public var cancellations: Int64 = 0

    public init() {}

    /// Rows quarantined, all reasons.
    public var quarantined: Int64 { quarantinedByReason.values.reduce(0, +) }

    /// Adds another accounting (for merging).
    public static func + (a: RowAccounting, b: RowAccounting) -> RowAccounting {
        var r = a
        r.read += b.read
        r.accepted += b.accepted
        r.cancellations += b.cancellations
        r.quarantinedByReason.merge(b.quarantinedByReason, uniquingKeysWith: +)
        return r
    }
}
