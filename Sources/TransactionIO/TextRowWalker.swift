/// The general walker (`PlainRowContext.parseRow`) with the forms of real exports that the
/// ASCII walkers leave to the block scan (`PlainTextFields`): skipped text in the log's encoding
/// (a Korean merchant name or channel), skipped fields quoted on one line, timestamps as
/// `YYYYMMDDHHMMSS` or ISO 8601. `ChunkParser` runs it on the record an ASCII walker declined
/// and the rows after it, at most `rowsPerRun` of them before the ASCII walker is tried again,
/// so an ASCII log with a few such rows spends little time in this slower walker.
///
/// Measured on card-company exports (`lcimpact generate --shape card-export`, 32 M rows): about
/// 1,785 instructions a row against 968 for the same rows in the canonical form, and 4.2–4.7 s
/// against 21–23 s before this walker and the cut fix; see docs/SCAN-PERFORMANCE.md, "Real exports".
struct TextRowWalker: PlainRowWalker {
    let context: PlainRowContext

    init(_ context: PlainRowContext) { self.context = context }

    static var rowsPerRun: Int? { 64 }

    @inline(__always)
    func parseRow(at recordStart: Int, into batch: inout TransactionBatch.Appender) -> (next: Int, cancel: Bool)? {
        context.parseRow(at: recordStart, into: &batch, acceptingText: true, quotedValues: false)
    }
}
