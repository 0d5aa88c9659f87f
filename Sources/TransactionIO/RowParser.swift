/// Turns one row's fields into typed columns of a `TransactionBatch`, or says
/// why it cannot. Shared by the fast chunk parser and the reference scanner,
/// so both accept and reject exactly the same rows.
struct RowParser: Sendable {
    /// The field of `ts`, or of the date when the timestamp is split over two columns.
    let timestamp: Int
    /// The field of the clock time when the timestamp is split over a date and a time column
    /// (거래일자 + 거래시간); nil when one field holds the timestamp.
    let clock: Int?
    let consumerRegion: Int
    let merchantRegion: Int
    let ksic: Int
    let amount: Int
    let status: Int?
    let consumerID: Int?
    let merchantID: Int?
    let statusWords: EncodedStatusVocabulary
    let txID: Int?
    /// Set with --dedupe: rows whose tx_id was seen before are rejected.
    let duplicates: DuplicateFilter?
    /// Status values of 1–8 bytes in the log's encoding (up to sixteen, in the vocabulary's
    /// order: approved ones first), as zero-padded words with what `statusWords.classify` makes
    /// of them, for an exact-bytes check on the word-at-a-time path (`승인`, `Y`, `approved`, …
    /// without the byte-wise search). Up to the fourteenth session the table held eight, which
    /// the cancellation-flag vocabulary filled with approved values: every row flagged `Y` went
    /// to the block scan.
    let statusWordTable: [StatusWord]

    struct StatusWord: Sendable {
        var word: UInt64
        var length: Int
        var cancel: Bool
    }
    /// Month starts and lengths for the word-at-a-time timestamp parser.
    let months = MonthTable.shared

    init(schema: TransactionSchema, encoding: TextEncoding, duplicates: DuplicateFilter? = nil) {
        txID = schema.fieldIndex[.txID]
        self.duplicates = duplicates
        timestamp = schema.fieldIndex[.timestamp] ?? schema.fieldIndex[.date]!
        clock = schema.fieldIndex[.timestamp] == nil ? schema.fieldIndex[.time]! : nil
        consumerRegion = schema.fieldIndex[.consumerRegion]!
        merchantRegion = schema.fieldIndex[.merchantRegion]!
        ksic = schema.fieldIndex[.ksic]!
        amount = schema.fieldIndex[.amount]!
        status = schema.fieldIndex[.status]
        consumerID = schema.fieldIndex[.consumerID]
        merchantID = schema.fieldIndex[.merchantID]
        statusWords = schema.status.encoded(encoding)
        statusWordTable = Self.statusWordTable(statusWords)
    }

    /// The tokens of 1–8 bytes, each with `classify`'s verdict on exactly those bytes (so an
    /// exact match gives the same answer as `classify`); tokens it calls unknown (empty after
    /// trimming, say) are left out.
    static func statusWordTable(_ words: EncodedStatusVocabulary) -> [StatusWord] {
        var table: [StatusWord] = []
        for token in words.approved + words.cancelled where (1...8).contains(token.count) && table.count < 16 {
            let verdict = token.withUnsafeBytes { words.classify($0) }
            guard verdict != .unknown else { continue }
            var w: UInt64 = 0
            for (k, b) in token.enumerated() { w |= UInt64(b) << UInt64(8 * k) }
            table.append(StatusWord(word: w, length: token.count, cancel: verdict == .cancel))
        }
        return table
    }

    enum Outcome {
        case accepted(cancel: Bool)
        /// `column` is the 0-based field index at fault.
        case rejected(QuarantineReason, column: Int)
    }

    /// Parses the row whose field `k` (content, without quotes) is `field(k)`.
    @inline(__always)
    func parse(into batch: inout TransactionBatch, _ field: (Int) -> UnsafeRawBufferPointer) -> Outcome {
        let ts: ParsedTimestamp
        if let clock {
            guard let date = FieldParsers.date(field(timestamp)) else { return .rejected(.invalidTimestamp, column: timestamp) }
            guard let time = FieldParsers.timeOfDay(field(clock)) else { return .rejected(.invalidTimestamp, column: clock) }
            ts = FieldParsers.timestamp(date: date, time: time)
        } else {
            guard let t = FieldParsers.timestamp(field(timestamp)) else { return .rejected(.invalidTimestamp, column: timestamp) }
            ts = t
        }
        guard let consumerRegion = FieldParsers.region(field(consumerRegion)) else {
            return .rejected(.invalidRegion, column: consumerRegion)
        }
        guard let merchantRegion = FieldParsers.region(field(merchantRegion)) else {
            return .rejected(.invalidRegion, column: merchantRegion)
        }
        guard let industry = IndustryCode(bytes: field(ksic)) else {
            return .rejected(.invalidIndustry, column: ksic)
        }
        let value: Int64
        switch FieldParsers.amount(field(amount)) {
        case .value(let v): value = v
        case .invalid: return .rejected(.invalidAmount, column: amount)
        case .overflow: return .rejected(.amountOverflow, column: amount)
        }
        if value == Int64.min { return .rejected(.amountOverflow, column: amount) }
        var cancel = value < 0
        if let s = status {
            switch statusWords.classify(field(s)) {
            case .approved: break
            case .cancel: cancel = true
            case .unknown: return .rejected(.unknownStatus, column: s)
            }
        }
        if let duplicates, let t = txID, duplicates.isDuplicate(FieldParsers.idKey128(field(t))) {
            return .rejected(.duplicateTransaction, column: t)
        }
        let magnitude = Int64(value.magnitude)
        batch.append(
            month: ts.month, hour: ts.hour, time: ts.epochSeconds, consumerRegion: consumerRegion,
            merchantRegion: merchantRegion, industry: industry, netAmount: cancel ? -magnitude : magnitude,
            consumerKey: consumerID.map { FieldParsers.idHash(field($0)) } ?? 0,
            merchantKey: merchantID.map { FieldParsers.idHash(field($0)) } ?? 0)
        return .accepted(cancel: cancel)
    }
}
