/// Which quarantined rows are listed (handed to `onQuarantine`, written to the quarantine
/// file): the first rows of the log in file order, until `rowLimit` rows or `byteLimit` raw
/// bytes have been listed. Every row, listed or not, is counted by reason in the row
/// accounting. The limits keep a scan's memory bounded whatever the log: a 60 MB file of
/// 30 M two-byte bad lines made 4.99 GB of quarantined rows when every one was kept.
/// Which rows are listed depends only on the log (not on threads or chunk sizes).
public struct QuarantineListing: Sendable, Equatable {
    /// The most rows listed (default 100,000).
    public var rowLimit: Int
    /// The most raw bytes listed, summed over the listed rows' kept bytes (default 32 MiB).
    public var byteLimit: Int
    /// Listed so far.
    public private(set) var rows = 0
    public private(set) var bytes = 0
    /// Whether a row was refused (the listing is closed: later rows are refused too).
    public private(set) var closed = false

    public static let defaultRowLimit = 100_000
    public static let defaultByteLimit = 32 << 20

    public init(rowLimit: Int = QuarantineListing.defaultRowLimit, byteLimit: Int = QuarantineListing.defaultByteLimit) {
        self.rowLimit = max(0, rowLimit)
        self.byteLimit = max(0, byteLimit)
    }

    /// Rows that may still be listed.
    public var rowsLeft: Int { closed ? 0 : rowLimit - rows }

    /// Whether a row of `rawBytes` kept bytes is listed; once one is not, none after it is.
    public mutating func admit(rawBytes: Int) -> Bool {
        guard !closed, rows < rowLimit, bytes + rawBytes <= byteLimit else {
            closed = true
            return false
        }
        rows += 1
        bytes += rawBytes
        return true
    }
}
