/// The general walker (`PlainRowContext.parseRow`) with the forms of real exports that the
/// ASCII walkers leave to the block scan (`PlainTextFields`): skipped text in the log's encoding
/// (a Korean merchant name or channel), skipped fields quoted on one line, timestamps as
/// `YYYYMMDDHHMMSS` or ISO 8601. `ChunkParser` runs it on the record an ASCII walker declined
/// and the rows after it, at most `rowsPerRun` of them before the ASCII walker is tried again,
/// so an ASCII log with a few such rows spends little time in this slower walker.
///
/// Measured on a card-company-style export (4 M rows, 350 MB, Korean headers, names and
/// channels, a third of the names quoted, compact timestamps; `Benchmarks/compare/korean_export.py`):
/// see docs/SCAN-PERFORMANCE.md.
struct TextRowWalker: PlainRowWalker {
    let context: PlainRowContext

    init(_ context: PlainRowContext) { self.context = context }

    static var rowsPerRun: Int? { 64 }

    @inline(__always)
    func parseRow(at recordStart: Int, into batch: inout TransactionBatch.Appender) -> (next: Int, cancel: Bool)? {
        context.parseRow(at: recordStart, into: &batch, acceptingText: true)
    }
}
