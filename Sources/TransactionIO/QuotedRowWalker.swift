/// `TextRowWalker` that also takes value fields quoted on one line (`PlainTextFields.quotedContent`,
/// `PlainRowContext.quotedValue`), for exports that quote every field
/// (`"20240226115009","M016922",…`). Its own walker, tried after the text walker declines: the
/// check for a quote at every value field cost the text walker 49 instructions a row on
/// exports that do not quote their values.
struct QuotedRowWalker: PlainRowWalker {
    let context: PlainRowContext

    init(_ context: PlainRowContext) { self.context = context }

    static var rowsPerRun: Int? { 64 }

    @inline(__always)
    func parseRow(at recordStart: Int, into batch: inout TransactionBatch.Appender) -> (next: Int, cancel: Bool)? {
        context.parseRow(at: recordStart, into: &batch, acceptingText: true, quotedValues: true)
    }
}
