/// What a scan driver reports after each round of chunks, in file order.
public struct ScanRound: Sendable {
    /// The file.
    public let file: String
    /// Accounting of the round's rows.
    public let accounting: RowAccounting
    /// Quarantined rows of the round, with absolute line numbers, in file order.
    public let quarantined: [QuarantinedRow]
    /// Bytes of the file (compressed bytes for gzip) consumed so far, and in total.
    public let bytesDone: Int
    public let bytesTotal: Int
}
