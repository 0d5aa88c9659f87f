extension PlainRowContext {
    /// The value of a quoted field's content for `role`, as the block scan gives it for the
    /// same content (the word parsers where they apply, else the reference parsers), stored
    /// into the batch's next row or the row's values; false when the content is not a valid
    /// value, or a status that is not exactly a vocabulary word (the block scan decides).
    /// `QuotedRowWalker`'s only: exports that quote every field take the plain-row path this way.
    @inline(never)
    func quotedValue(_ role: PlainFieldRole, _ content: UnsafeRawBufferPointer, into batch: TransactionBatch.Appender,
                     value: inout Int64, cancel: inout Bool, consumerKey: inout UInt64, merchantKey: inout UInt64) -> Bool {
        // Safe (the word parsers' loads): the content lies inside the row, with the plain-row
        // slack after it. Each word parser gives the reference parser's value when it gives one.
        let (p, n) = (content.baseAddress!, content.count)
        switch role {
        case .skip:
            return true
        case .date, .time:
            return false  // a quoted half of a split timestamp: the block scan reads it
        case .timestamp:
            guard let t = n == 14 ? dates.compactTimestamp(p, months: months) : PlainTextFields.timestamp(p, count: n, months: months)
            else { return false }
            batch.setTimestamp(t)
        case .consumerRegion:
            guard let v = WordFieldParsers.digits(p, count: n) ?? FieldParsers.region(content) else { return false }
            batch.setConsumerRegion(v)
        case .merchantRegion:
            guard let v = WordFieldParsers.digits(p, count: n) ?? FieldParsers.region(content) else { return false }
            batch.setMerchantRegion(v)
        case .industry:
            guard let code = WordFieldParsers.industry(p, count: n) ?? IndustryCode(bytes: content) else { return false }
            batch.setIndustry(code)
        case .amount:
            guard let v = WordFieldParsers.digits(p, count: n) ?? PlainTextFields.amount(p, count: n) else { return false }
            value = v
        case .status:
            guard n < 16, let verdict = ChunkParseState.status(p, count: n, statusWords) else { return false }
            cancel = verdict
        case .consumerID:
            consumerKey = WordFieldParsers.idHash(p, count: n) ?? FieldParsers.idHash(content)
        case .merchantID:
            merchantKey = WordFieldParsers.idHash(p, count: n) ?? FieldParsers.idHash(content)
        }
        return true
    }
}
