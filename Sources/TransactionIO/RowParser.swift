/// Turns one row's fields into typed columns of a `TransactionBatch`, or says
/// why it cannot. Shared by the fast chunk parser and the reference scanner,
/// so both accept and reject exactly the same rows.
struct RowParser: Sendable {
    let timestamp: Int
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
    /// One approved and one cancel status value of 1–8 bytes, as zero-padded words, for an
    /// exact-bytes check before `statusWords.classify` (length 0: none).
    let approvedWord: (word: UInt64, length: Int)
    let cancelWord: (word: UInt64, length: Int)
    /// Month starts and lengths for the word-at-a-time timestamp parser.
    let months = MonthTable.shared

    init(schema: TransactionSchema, encoding: TextEncoding, duplicates: DuplicateFilter? = nil) {
        txID = schema.fieldIndex[.txID]
        self.duplicates = duplicates
        timestamp = schema.fieldIndex[.timestamp]!
        consumerRegion = schema.fieldIndex[.consumerRegion]!
        merchantRegion = schema.fieldIndex[.merchantRegion]!
        ksic = schema.fieldIndex[.ksic]!
        amount = schema.fieldIndex[.amount]!
        status = schema.fieldIndex[.status]
        consumerID = schema.fieldIndex[.consumerID]
        merchantID = schema.fieldIndex[.merchantID]
        statusWords = schema.status.encoded(encoding)
        approvedWord = Self.fastWord(statusWords.approved, classified: .approved, by: statusWords)
        cancelWord = Self.fastWord(statusWords.cancelled, classified: .cancel, by: statusWords)
    }

    /// The first token of 1–8 bytes that `classify` puts in `status` (so matching it
    /// exactly gives the same answer as `classify`), as a zero-padded little-endian word.
    static func fastWord(_ tokens: [[UInt8]], classified status: EncodedStatusVocabulary.Status,
                         by words: EncodedStatusVocabulary) -> (word: UInt64, length: Int) {
        for token in tokens where (1...8).contains(token.count) {
            let same = token.withUnsafeBytes { words.classify($0) == status }
            guard same else { continue }
            var w: UInt64 = 0
            for (k, b) in token.enumerated() { w |= UInt64(b) << UInt64(8 * k) }
            return (w, token.count)
        }
        return (0, 0)
    }

    enum Outcome {
        case accepted(cancel: Bool)
        /// `column` is the 0-based field index at fault.
        case rejected(QuarantineReason, column: Int)
    }

    /// Parses the row whose field `k` (content, without quotes) is `field(k)`.
    @inline(__always)
    func parse(into batch: inout TransactionBatch, _ field: (Int) -> UnsafeRawBufferPointer) -> Outcome {
        guard let ts = FieldParsers.timestamp(field(timestamp)) else {
            return .rejected(.invalidTimestamp, column: timestamp)
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
