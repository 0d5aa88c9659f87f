extension ChunkParseState {
    /// The longest row the plain-row path reads (bytes, without its newline); longer rows go
    /// to the block scan.
    static let plainRowLimit = 256

    /// Readable bytes the plain-row path needs after a record start: the longest plain row
    /// plus the 32 bytes its word loads may read past a field's start.
    static let plainRowSlack = plainRowLimit + 64

    /// Parses records on the plain-row path (the general walker, `PlainRowContext.parseRow`) from
    /// `recordStart` while they start before `limit` and have `plainRowSlack` bytes before
    /// `dataEnd`, until one declines; returns
    /// how many it took. Requires no duplicate filter, `fieldsSeen == 0`, and fewer than
    /// `batchSize` rows in the batch (every other path flushes a full batch at once).
    ///
    /// One call for a run of rows, so the row parser's setup is paid once per run instead of
    /// once per row (1,219 → 1,180 instructions per row). Inside the run nothing is read
    /// through `self`, whose fields the compiler would load again for every row (the batch's
    /// stores go through a class reference and might have changed them):
    /// - what a row reads that the run does not change is a local `PlainRowContext`, and the
    ///   row counts are locals until the run ends (1,173 → 1,166);
    /// - rows go to the batch through a `TransactionBatch.Appender`, its nine column pointers
    ///   taken once per run and its count in a register (1,166 → 1,126);
    /// - a row's timestamp, regions and industry are stored as they are parsed, so they do
    ///   not stay live to the row's end (1,126 → 1,108).
    mutating func parsePlainRows(limit: Int, dataEnd: Int, roles: UnsafePointer<PlainFieldRole>,
                                 flush: (inout TransactionBatch) -> Void) -> Int {
        let context = PlainRowContext(
            base: base, last: parser.fieldCount &- 1, delimiter: parser.delimiter, stops: stops,
            months: parser.rows.months, dates: dates, statusWords: parser.rows.statusWordTable,
            encoding: parser.encoding, roles: roles)
        return runPlainRows(context, limit: limit, dataEnd: dataEnd, flush: flush)
    }

    /// `parsePlainRows` for a log in the canonical column order (`ChunkParser.canonicalOrder`),
    /// with `CanonicalRowWalker`. Each walker's entry makes its `PlainRowContext` as a local: the
    /// same context returned by a shared helper cost the general walker 26 instructions a row
    /// (and, tried again for the text and quoted walkers in the fourteenth session, 3 and 14).
    mutating func parseCanonicalRows(limit: Int, dataEnd: Int, roles: UnsafePointer<PlainFieldRole>,
                                     flush: (inout TransactionBatch) -> Void) -> Int {
        let context = PlainRowContext(
            base: base, last: parser.fieldCount &- 1, delimiter: parser.delimiter, stops: stops,
            months: parser.rows.months, dates: dates, statusWords: parser.rows.statusWordTable,
            encoding: parser.encoding, roles: roles)
        return runPlainRows(CanonicalRowWalker(context), limit: limit, dataEnd: dataEnd, flush: flush)
    }

    /// `parsePlainRows` with `TextRowWalker` (text in the log's encoding, quoted fields, other
    /// timestamp forms), at most `TextRowWalker.rowsPerRun` rows.
    mutating func parseTextRows(limit: Int, dataEnd: Int, roles: UnsafePointer<PlainFieldRole>,
                                flush: (inout TransactionBatch) -> Void) -> Int {
        let context = PlainRowContext(
            base: base, last: parser.fieldCount &- 1, delimiter: parser.delimiter, stops: stops,
            months: parser.rows.months, dates: dates, statusWords: parser.rows.statusWordTable,
            encoding: parser.encoding, roles: roles)
        return runPlainRows(TextRowWalker(context), limit: limit, dataEnd: dataEnd, flush: flush)
    }

    /// `parsePlainRows` with `QuotedRowWalker` (the text walker's forms and quoted values), at
    /// most `QuotedRowWalker.rowsPerRun` rows.
    mutating func parseQuotedRows(limit: Int, dataEnd: Int, roles: UnsafePointer<PlainFieldRole>,
                                  flush: (inout TransactionBatch) -> Void) -> Int {
        let context = PlainRowContext(
            base: base, last: parser.fieldCount &- 1, delimiter: parser.delimiter, stops: stops,
            months: parser.rows.months, dates: dates, statusWords: parser.rows.statusWordTable,
            encoding: parser.encoding, roles: roles)
        return runPlainRows(QuotedRowWalker(context), limit: limit, dataEnd: dataEnd, flush: flush)
    }

    /// The run loop of the walkers, inlined into each caller so that each walker gets its own
    /// loop (one loop choosing between the walkers kept the general walker out of line: 592 →
    /// 693 instructions a row in another column order).
    @inline(__always)
    private mutating func runPlainRows<Walker: PlainRowWalker>(_ walker: Walker, limit: Int, dataEnd: Int,
                                                               flush: (inout TransactionBatch) -> Void) -> Int {
        let batchSize = parser.batchSize
        assert(batch.count < batchSize, "a full batch waits unflushed")
        var rows = batch.appender(capacityAtLeast: batchSize)
        var start = recordStart
        var taken = 0, cancellations = 0
        while start < limit && start &+ Self.plainRowSlack <= dataEnd {
            // rows.count < batchSize ≤ capacity here: a full batch is flushed below.
            guard let row = walker.parseRow(at: start, into: &rows) else { break }
            taken &+= 1
            if row.cancel { cancellations &+= 1 }
            start = row.next
            if rows.count >= batchSize {
                batch.commit(rows)
                flush(&batch)
                batch.removeAll()
                rows = batch.appender(capacityAtLeast: batchSize)
            }
            // After the flush: a run must never end on a full batch (the next run appends to it).
            if let most = Walker.rowsPerRun, taken >= most { break }
        }
        batch.commit(rows)
        recordStart = start
        recordLine &+= Int64(taken)
        outcome.accounting.read &+= Int64(taken)
        outcome.accounting.accepted &+= Int64(taken)
        outcome.accounting.cancellations &+= Int64(cancellations)
        return taken
    }

    /// The value and number of the digits that start the 8 bytes at `p` (all eight when no
    /// byte is a non-digit; 0 when the first is not a digit). A byte is flagged by the test of
    /// `WordFieldParsers.allDigits`; the lowest flagged byte is exact (a carry only moves up
    /// from a flagged byte). The value is `WordFieldParsers.digits`' for those digits.
    @inline(__always)
    static func leadingDigits(_ p: UnsafeRawPointer) -> (value: Int64, count: Int) {
        // Safe: the caller guarantees 8 readable bytes at p.
        let t = p.loadUnaligned(as: UInt64.self) ^ 0x3030_3030_3030_3030
        let nonDigit = (t | (t &+ 0x0606_0606_0606_0606)) & 0xF0F0_F0F0_F0F0_F0F0
        let n = nonDigit == 0 ? 8 : nonDigit.trailingZeroBitCount >> 3
        return (Int64(bitPattern: WordFieldParsers.eightDigits(t << UInt64(64 &- 8 &* n))), n)
    }

    /// Whether the status of `count` bytes at `p` is a cancellation (false: approved), by exact
    /// match against the status word table; nil when it is not in the table.
    @inline(__always)
    static func status(_ p: UnsafeRawPointer, count: Int, _ table: [RowParser.StatusWord]) -> Bool? {
        let w = WordFieldParsers.word(p, count: count)
        for entry in table where entry.length == count && entry.word == w { return entry.cancel }
        return nil
    }
}
