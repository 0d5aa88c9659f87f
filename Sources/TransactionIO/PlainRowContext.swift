/// What the plain-row parser reads for every row that does not change during a run of rows
/// (`ChunkParseState.parsePlainRows`): a local value, so that its fields stay in registers
/// instead of being loaded from the parse state again for every row.
struct PlainRowContext {
    let base: UnsafeRawPointer
    /// The index of the last field.
    let last: Int
    let delimiter: UInt8
    let stops: FieldStopFinder
    let months: MonthTable
    /// Dates this worker has already parsed (a timestamp's date costs a lookup when seen before).
    let dates: DateMemo
    let statusWords: [RowParser.StatusWord]
    /// The log's encoding, against which skipped text fields are checked (`PlainTextFields`).
    let encoding: TextEncoding
    /// Each field's role, in schema order.
    let roles: UnsafePointer<PlainFieldRole>

    /// Parses the record at `recordStart` on the plain-row path and appends it to `batch`
    /// (which must have room for it). The
    /// plain row is the common case: ASCII text without quotes (but for a status word, which
    /// may be Korean), every field in its plain form. Instead of finding every delimiter with
    /// the 64-byte block scan and then parsing each field, it walks the row
    /// field by field in schema order (`roles`) and lets each field's parser find the field's
    /// end: a digit field's length comes out of the same word test that checks its digits, a
    /// timestamp is 19 bytes, any other field ends at the first delimiter, newline, quote or
    /// non-ASCII byte of its first 16, a status at the first delimiter, newline or quote
    /// (`FieldStopFinder`).
    ///
    /// A row is taken only when the byte that ends each field is the delimiter (the newline,
    /// or a carriage return and the newline, for the last field). Every byte before the
    /// newline is then either checked field content (digits, a timestamp, printable text
    /// without a quote, delimiter or newline, or a status that is exactly a vocabulary word
    /// in the log's encoding, such as 승인) or a delimiter, so the row has no quote, is valid
    /// in its encoding, its field ends are exactly its delimiters and it ends at its first
    /// newline: the record, fields and line number the block scan would find. The values are
    /// those of `parseWords` (the same `WordFieldParsers`), which are those of `RowParser.parse`.
    ///
    /// Returns where the next record starts and whether the row is a cancellation, or nil,
    /// having changed nothing, for anything else (a quote, a non-ASCII byte outside a status,
    /// another field count, a field in another form, a row longer than `plainRowLimit`);
    /// the block scan then takes that record and decides. Requires `plainRowSlack` readable
    /// bytes from `recordStart`.
    @inline(__always)
    func parseRow(at recordStart: Int, into batch: inout TransactionBatch.Appender) -> (next: Int, cancel: Bool)? {
        parseRow(at: recordStart, into: &batch, acceptingText: false, quotedValues: false)
    }

    /// `parseRow`, and with `acceptingText` (a constant at each call, so each walker gets its own
    /// copy) also the forms of `PlainTextFields`: skipped text in the log's encoding, skipped
    /// fields quoted on one line, timestamps and amounts in other forms (`TextRowWalker`);
    /// with `quotedValues` too, value fields quoted on one line (`QuotedRowWalker`). Without them
    /// no call to those forms is compiled in: even never taken, the text forms cost the ASCII
    /// walkers 7–17 instructions a row in spills, the quoted values the text walker 49.
    @inline(__always)
    func parseRow(at recordStart: Int, into batch: inout TransactionBatch.Appender, acceptingText: Bool,
                  quotedValues: Bool) -> (next: Int, cancel: Bool)? {
        let positionLimit = recordStart &+ ChunkParseState.plainRowLimit
        var p = recordStart
        // Timestamp, regions and industry go straight to the batch's next (uncommitted) row as
        // they are parsed, so they do not stay live in registers until the row is taken; a row
        // that declines leaves that slot to be overwritten. They are required columns, so every
        // taken row writes all of them. The amount, status and ids are written at the end
        // (the net amount needs both the amount and the status; an absent id is 0).
        var value: Int64 = 0
        var cancel = false
        var consumerKey: UInt64 = 0, merchantKey: UInt64 = 0
        // The clock time of a split timestamp (seconds after midnight; the text walker's only),
        // added to the date at the end, since the time may come before the date.
        var clock = -1

        // Safe (every load below and in the field parsers): p < positionLimit when a field starts,
        // and a field's loads read at most 32 bytes from its start, inside the plainRowSlack the
        // caller guarantees.
        @inline(__always) func byte(_ q: Int) -> UInt8 { base.load(fromByteOffset: q, as: UInt8.self) }

        // Every field but the last ends at the delimiter; each parser finds its field's length
        // (`PlainRowContext+Fields`). One case per role, each storing its own variable: merging
        // the look-alike cases behind an inner switch on the role measured 80 more instructions per row.
        var k = 0
        while k < last {
            defer { k &+= 1 }  // a plain counter: no range iterator and overflow check per field
            guard p < positionLimit else { return nil }
            if quotedValues && byte(p) == 0x22 && roles[k] != .skip {
                // A value quoted on one line (exports that quote every field).
                guard let quoted = PlainTextFields.quotedContent(base, at: p, limit: positionLimit, delimiter: delimiter,
                                                                 encoding: encoding, last: false),
                      quotedValue(roles[k], quoted.content, into: batch, value: &value, cancel: &cancel,
                                  consumerKey: &consumerKey, merchantKey: &merchantKey) else { return nil }
                p = quoted.next
                continue
            }
            switch roles[k] {
            case .timestamp:
                guard let next = acceptingText ? anyTimestampField(at: p, into: batch) : timestampField(at: p, into: batch) else { return nil }
                p = next
            case .consumerRegion:
                guard let field = digitsField(at: p)
                    ?? (acceptingText ? PlainTextFields.regionField(base, at: p, delimiter: delimiter) : nil) else { return nil }
                batch.setConsumerRegion(field.value)
                p = field.next
            case .merchantRegion:
                guard let field = digitsField(at: p)
                    ?? (acceptingText ? PlainTextFields.regionField(base, at: p, delimiter: delimiter) : nil) else { return nil }
                batch.setMerchantRegion(field.value)
                p = field.next
            case .amount:
                guard let field = digitsField(at: p)
                    ?? (acceptingText ? PlainTextFields.amountField(base, at: p, delimiter: delimiter) : nil) else { return nil }
                value = field.value
                p = field.next
            case .industry:
                guard let next = industryField(at: p, into: batch) else { return nil }
                p = next
            case .status:
                guard let field = statusField(at: p) else { return nil }
                cancel = field.cancel
                p = field.next
            case .consumerID:
                guard let field = idField(at: p) else { return nil }
                consumerKey = field.key
                p = field.next
            case .merchantID:
                guard let field = idField(at: p) else { return nil }
                merchantKey = field.key
                p = field.next
            case .date:
                guard acceptingText,
                      let date = PlainTextFields.dateField(base, at: p, delimiter: delimiter, months: months, dates: dates) else { return nil }
                batch.setDate(month: date.month, day: date.day)
                p = date.next
            case .time:
                guard acceptingText, let time = PlainTextFields.timeField(base, at: p, delimiter: delimiter) else { return nil }
                clock = time.seconds
                p = time.next
            case .skip:
                guard let next = skippedField(at: p, limit: positionLimit)
                    ?? (acceptingText ? PlainTextFields.skippedField(base, at: p, limit: positionLimit, delimiter: delimiter, encoding: encoding) : nil)
                else { return nil }
                p = next
            }
        }

        // The last field ends at the newline (one carriage return before it is not content).
        guard p < positionLimit else { return nil }
        let next: Int
        if quotedValues && byte(p) == 0x22 && roles[last] != .skip {
            guard let quoted = PlainTextFields.quotedContent(base, at: p, limit: positionLimit, delimiter: delimiter,
                                                             encoding: encoding, last: true),
                  quotedValue(roles[last], quoted.content, into: batch, value: &value, cancel: &cancel,
                              consumerKey: &consumerKey, merchantKey: &merchantKey) else { return nil }
            next = quoted.next
        } else {
            let field = base + p
            var end = p
            if roles[last] == .status {
                // A status may be Korean text: only its exact match against the vocabulary decides.
                let n = stops.textStop(field)
                guard n < 16 else { return nil }
                end &+= n
            } else {
                var n = 16
                while n == 16 {
                    guard end < positionLimit else { return nil }
                    n = stops.stop(base + end)
                    end &+= n
                }
                if acceptingText && roles[last] == .skip && byte(end) != 0x0A {
                    // Text in the log's encoding, or a quoted field.
                    guard let textEnd = PlainTextFields.fieldEnd(base, at: p, limit: positionLimit, delimiter: delimiter, encoding: encoding) else { return nil }
                    end = textEnd
                }
            }
            guard byte(end) == 0x0A else { return nil }
            next = end &+ 1
            if end > p && byte(end &- 1) == 0x0D { end &-= 1 }
            let count = end &- p
            guard count <= 16 || roles[last] == .skip else { return nil }
            switch roles[last] {
            case .timestamp:
                guard let t = acceptingText ? PlainTextFields.timestamp(field, count: count, months: months)
                    : WordFieldParsers.timestamp(field, count: count, months: months) else { return nil }
                batch.setTimestamp(t)
            case .consumerRegion:
                guard let v = WordFieldParsers.digits(field, count: count)
                    ?? (acceptingText ? PlainTextFields.region(field, count: count) : nil) else { return nil }
                batch.setConsumerRegion(v)
            case .merchantRegion:
                guard let v = WordFieldParsers.digits(field, count: count)
                    ?? (acceptingText ? PlainTextFields.region(field, count: count) : nil) else { return nil }
                batch.setMerchantRegion(v)
            case .amount:
                guard let v = WordFieldParsers.digits(field, count: count)
                    ?? (acceptingText ? PlainTextFields.amount(field, count: count) : nil) else { return nil }
                value = v
            case .industry:
                guard let code = WordFieldParsers.industry(field, count: count) else { return nil }
                batch.setIndustry(code)
            case .status:
                guard let verdict = ChunkParseState.status(field, count: count, statusWords) else { return nil }
                cancel = verdict
            case .consumerID:
                guard let h = WordFieldParsers.idHash(field, count: count) else { return nil }
                consumerKey = h
            case .merchantID:
                guard let h = WordFieldParsers.idHash(field, count: count) else { return nil }
                merchantKey = h
            case .date:
                guard acceptingText, let date = PlainTextFields.date(field, count: count, months: months, dates: dates) else { return nil }
                batch.setDate(month: date.month, day: date.day)
            case .time:
                guard acceptingText, let seconds = PlainTextFields.timeOfDay(field, count: count) else { return nil }
                clock = seconds
            case .skip:
                break
            }
        }

        // Every row of a log with a split timestamp has both halves (`PlainFieldRole.roles`).
        if acceptingText && clock >= 0 { batch.addTimeOfDay(clock) }
        // A negative amount (only the text walker reads one) is a cancellation of |amount|.
        if acceptingText && value < 0 {
            cancel = true
            value = -value
        }
        batch.finishRow(netAmount: cancel ? -value : value, consumerKey: consumerKey, merchantKey: merchantKey)
        return (next, cancel)
    }

}
