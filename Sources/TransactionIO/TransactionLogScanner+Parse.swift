/// Field indices of the canonical columns, resolved once per file.
struct ColumnPositions {
    let timestamp: Int
    let consumerRegion: Int
    let merchantRegion: Int
    let ksic: Int
    let amount: Int
    let status: Int?
    let consumerID: Int?
    let merchantID: Int?

    init(_ schema: TransactionSchema) {
        timestamp = schema.fieldIndex[.timestamp]!
        consumerRegion = schema.fieldIndex[.consumerRegion]!
        merchantRegion = schema.fieldIndex[.merchantRegion]!
        ksic = schema.fieldIndex[.ksic]!
        amount = schema.fieldIndex[.amount]!
        status = schema.fieldIndex[.status]
        consumerID = schema.fieldIndex[.consumerID]
        merchantID = schema.fieldIndex[.merchantID]
    }
}

extension TransactionLogScanner {
    enum RowOutcome {
        case accepted(cancel: Bool)
        /// `column` is the 0-based field index at fault.
        case rejected(QuarantineReason, column: Int)
    }

    /// Parses one row's typed fields and appends it to `batch`, or says why not.
    static func parse(
        _ bytes: UnsafeRawBufferPointer, _ fields: [Range<Int>], _ c: ColumnPositions,
        into batch: inout TransactionBatch
    ) -> RowOutcome {
        func field(_ k: Int) -> UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: bytes[fields[k]]) }
        guard let ts = FieldParsers.timestamp(field(c.timestamp)) else {
            return .rejected(.invalidTimestamp, column: c.timestamp)
        }
        guard let consumerRegion = FieldParsers.region(field(c.consumerRegion)) else {
            return .rejected(.invalidRegion, column: c.consumerRegion)
        }
        guard let merchantRegion = FieldParsers.region(field(c.merchantRegion)) else {
            return .rejected(.invalidRegion, column: c.merchantRegion)
        }
        guard let industry = IndustryCode(bytes: field(c.ksic)) else {
            return .rejected(.invalidIndustry, column: c.ksic)
        }
        let amount: Int64
        switch FieldParsers.amount(field(c.amount)) {
        case .value(let v): amount = v
        case .invalid: return .rejected(.invalidAmount, column: c.amount)
        case .overflow: return .rejected(.amountOverflow, column: c.amount)
        }
        if amount == Int64.min { return .rejected(.amountOverflow, column: c.amount) }
        var cancel = amount < 0
        if let s = c.status {
            switch FieldParsers.status(field(s)) {
            case .approved: break
            case .cancel: cancel = true
            case .unknown: return .rejected(.unknownStatus, column: s)
            }
        }
        let magnitude = amount.magnitude
        batch.month.append(ts.month)
        batch.hour.append(ts.hour)
        batch.consumerRegion.append(consumerRegion)
        batch.merchantRegion.append(merchantRegion)
        batch.industry.append(industry)
        batch.netAmount.append(cancel ? -Int64(magnitude) : Int64(magnitude))
        batch.consumerKey.append(c.consumerID.map { FieldParsers.idHash(field($0)) } ?? 0)
        batch.merchantKey.append(c.merchantID.map { FieldParsers.idHash(field($0)) } ?? 0)
        return .accepted(cancel: cancel)
    }
}
