/// A row parser of the plain-row path (`PlainRowContext` for any column order,
/// `CanonicalRowWalker` for the canonical one), run by `ChunkParseState.runPlainRows`: parses
/// the record at `recordStart` (with `ChunkParseState.plainRowSlack` readable bytes from it)
/// into `batch`'s next row and returns where the next record starts and whether the row is a
/// cancellation, or nil (the record goes to the block scan).
protocol PlainRowWalker {
    func parseRow(at recordStart: Int, into batch: inout TransactionBatch.Appender) -> (next: Int, cancel: Bool)?

    /// The most rows one run takes before the ASCII walker is tried again, or nil (no bound).
    static var rowsPerRun: Int? { get }
}

extension PlainRowContext: PlainRowWalker {
    static var rowsPerRun: Int? { nil }
}

extension CanonicalRowWalker: PlainRowWalker {
    static var rowsPerRun: Int? { nil }
}
