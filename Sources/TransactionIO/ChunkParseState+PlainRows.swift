extension ChunkParseState {
    /// The longest row the plain-row path reads (bytes, without its newline); longer rows go
    /// to the block scan.
    static let plainRowLimit = 256

    /// Readable bytes the plain-row path needs after a record start: the longest plain row
    /// plus the 32 bytes its word loads may read past a field's start.
    static let plainRowSlack = plainRowLimit + 64

    /// Parses records on the plain-row path from `recordStart` while they start before
    /// `limit` and have `plainRowSlack` bytes before `dataEnd`, until one declines; returns
    /// how many it took. One call for a run of rows, so the row parser's setup (registers,
    /// the compare vectors, the state's fields) is paid once per run instead of once per row
    /// (1,219 → 1,180 instructions per row).
    mutating func parsePlainRows(limit: Int, dataEnd: Int, roles: UnsafePointer<PlainFieldRole>,
                                 flush: (inout TransactionBatch) -> Void) -> Int {
        var taken = 0
        while recordStart < limit && recordStart &+ Self.plainRowSlack <= dataEnd {
            guard parsePlainRow(roles: roles, flush: flush) else { break }
            taken &+= 1
        }
        return taken
    }

    /// Parses the record at `recordStart` on the plain-row path, the common case: a row of
    /// ASCII text without quotes (but for a status word, which may be Korean), every field in
    /// its plain form. Instead of finding every
    /// delimiter with the 64-byte block scan and then parsing each field, it walks the row
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
    /// Returns false, having changed nothing, for anything else (a quote, a non-ASCII byte outside a status,
    /// another field count, a field in another form, a row longer than `plainRowLimit`);
    /// the block scan then takes that record and decides. Requires `plainRowSlack` readable
    /// bytes from `recordStart`, no duplicate filter, and `fieldsSeen == 0`.
    @inline(__always)
    mutating func parsePlainRow(roles: UnsafePointer<PlainFieldRole>, flush: (inout TransactionBatch) -> Void) -> Bool {
        let rows = parser.rows, base = self.base
        let last = parser.fieldCount &- 1
        let delimiter = parser.delimiter, stops = self.stops
        let positionLimit = recordStart &+ Self.plainRowLimit
        var p = recordStart
        var ts = ParsedTimestamp(month: 0, hour: 0, epochSeconds: 0)
        var consumerRegion: Int64 = 0, merchantRegion: Int64 = 0, value: Int64 = 0
        var industry = IndustryCode(packed: 0)
        var cancel = false
        var consumerKey: UInt64 = 0, merchantKey: UInt64 = 0

        // Safe (every load below): p < positionLimit when a field starts, and a field's loads
        // read at most 32 bytes from its start, inside the plainRowSlack the caller guarantees.
        @inline(__always) func byte(_ q: Int) -> UInt8 { base.load(fromByteOffset: q, as: UInt8.self) }

        // Every field but the last ends at the delimiter; each parser finds its field's length.
        // One case per role, each storing its own variable: merging the look-alike cases behind
        // an inner switch on the role measured 80 more instructions per row.
        var k = 0
        while k < last {
            defer { k &+= 1 }  // a plain counter: no range iterator and overflow check per field
            guard p < positionLimit else { return false }
            let field = base + p
            switch roles[k] {
            case .timestamp:
                guard byte(p &+ 19) == delimiter,
                      let t = WordFieldParsers.timestamp(field, count: 19, months: rows.months) else { return false }
                ts = t
                p &+= 20
            case .consumerRegion:
                let (v, n) = Self.leadingDigits(field)
                guard n > 0 && byte(p &+ n) == delimiter else { return false }
                consumerRegion = v
                p &+= n &+ 1
            case .merchantRegion:
                let (v, n) = Self.leadingDigits(field)
                guard n > 0 && byte(p &+ n) == delimiter else { return false }
                merchantRegion = v
                p &+= n &+ 1
            case .amount:
                let (v, n) = Self.leadingDigits(field)
                guard n > 0 && byte(p &+ n) == delimiter else { return false }
                value = v
                p &+= n &+ 1
            case .industry:
                let n = stops.stop(field)
                guard n < 16 && byte(p &+ n) == delimiter,
                      let code = WordFieldParsers.industry(field, count: n) else { return false }
                industry = code
                p &+= n &+ 1
            case .status:
                let n = stops.textStop(field)
                guard n < 16 && byte(p &+ n) == delimiter,
                      let verdict = Self.status(field, count: n, rows.statusWordTable) else { return false }
                cancel = verdict
                p &+= n &+ 1
            case .consumerID:
                let n = stops.stop(field)
                guard n < 16 && byte(p &+ n) == delimiter,
                      let h = WordFieldParsers.idHash(field, count: n) else { return false }
                consumerKey = h
                p &+= n &+ 1
            case .merchantID:
                let n = stops.stop(field)
                guard n < 16 && byte(p &+ n) == delimiter,
                      let h = WordFieldParsers.idHash(field, count: n) else { return false }
                merchantKey = h
                p &+= n &+ 1
            case .skip:
                var end = p
                var n = 16
                while n == 16 {
                    guard end < positionLimit else { return false }
                    n = stops.stop(base + end)
                    end &+= n
                }
                guard byte(end) == delimiter else { return false }
                p = end &+ 1
            }
        }

        // The last field ends at the newline (one carriage return before it is not content).
        guard p < positionLimit else { return false }
        let field = base + p
        var end = p
        if roles[last] == .status {
            // A status may be Korean text: only its exact match against the vocabulary decides.
            let n = stops.textStop(field)
            guard n < 16 else { return false }
            end &+= n
        } else {
            var n = 16
            while n == 16 {
                guard end < positionLimit else { return false }
                n = stops.stop(base + end)
                end &+= n
            }
        }
        guard byte(end) == 0x0A else { return false }
        let next = end &+ 1
        if end > p && byte(end &- 1) == 0x0D { end &-= 1 }
        let count = end &- p
        guard count <= 16 || roles[last] == .skip else { return false }
        switch roles[last] {
        case .timestamp:
            guard let t = WordFieldParsers.timestamp(field, count: count, months: rows.months) else { return false }
            ts = t
        case .consumerRegion:
            guard let v = WordFieldParsers.digits(field, count: count) else { return false }
            consumerRegion = v
        case .merchantRegion:
            guard let v = WordFieldParsers.digits(field, count: count) else { return false }
            merchantRegion = v
        case .amount:
            guard let v = WordFieldParsers.digits(field, count: count) else { return false }
            value = v
        case .industry:
            guard let code = WordFieldParsers.industry(field, count: count) else { return false }
            industry = code
        case .status:
            guard let verdict = Self.status(field, count: count, rows.statusWordTable) else { return false }
            cancel = verdict
        case .consumerID:
            guard let h = WordFieldParsers.idHash(field, count: count) else { return false }
            consumerKey = h
        case .merchantID:
            guard let h = WordFieldParsers.idHash(field, count: count) else { return false }
            merchantKey = h
        case .skip:
            break
        }

        batch.append(
            month: ts.month, hour: ts.hour, time: ts.epochSeconds, consumerRegion: consumerRegion,
            merchantRegion: merchantRegion, industry: industry, netAmount: cancel ? -value : value,
            consumerKey: consumerKey, merchantKey: merchantKey)
        outcome.accounting.read &+= 1
        accept(.accepted(cancel: cancel), flush: flush)
        recordStart = next
        recordLine &+= 1
        return true
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
