/// The plain-row parser for logs in the canonical column order (`PlainFieldRole.canonicalOrder`:
/// tx_id, ts, consumer_id, consumer_region, merchant_id, merchant_region, ksic, amount, channel,
/// status — the order of the canonical schema and of `lcimpact generate`): the same field
/// parsers as `PlainRowContext.parseRow`, called in a fixed sequence, so a row pays no per-field
/// dispatch (a role load and a jump table), loop counter or position check.
///
/// Measured (cachegrind, 1 M generated rows, one thread): the row parser 591 → 452 instructions
/// a row, the whole scan 1,080 → 941 (`Benchmarks/instructions/instructions_per_row.sh`); other
/// column orders keep the general walker (590 and 1,079 on the same rows in another order).
///
/// It takes the rows the general walker takes, but for skipped fields (tx_id, channel) of
/// 32 bytes or more, which it declines to the block scan (a row it takes is then at most 175
/// bytes, inside `plainRowSlack` and `plainRowLimit`, so no position needs checking).
/// A taken row's values are the general walker's, field parser for field parser.
struct CanonicalRowWalker {
    let context: PlainRowContext

    init(_ context: PlainRowContext) { self.context = context }

    /// `PlainRowContext.parseRow` for a row in the canonical column order: where the next record
    /// starts and whether the row is a cancellation, or nil (the record goes to the block scan).
    @inline(__always)
    func parseRow(at recordStart: Int, into batch: inout TransactionBatch.Appender) -> (next: Int, cancel: Bool)? {
        let c = context
        // Safe (every field parser's loads): a field starts at most 32 bytes after the one before
        // (tx_id and channel up to 31 bytes and the delimiter, the timestamp 20, an id or ksic 16,
        // digits 9), so the status starts within 159 bytes of the record and no load reaches
        // past 176, inside the plainRowSlack (320) the caller guarantees.
        guard let afterTxID = c.shortSkippedField(at: recordStart),
              let afterTime = c.timestampField(at: afterTxID, into: batch),
              let consumer = c.idField(at: afterTime),
              let consumerRegion = c.digitsField(at: consumer.next) else { return nil }
        batch.setConsumerRegion(consumerRegion.value)
        guard let merchant = c.idField(at: consumerRegion.next),
              let merchantRegion = c.digitsField(at: merchant.next) else { return nil }
        batch.setMerchantRegion(merchantRegion.value)
        guard let afterIndustry = c.industryField(at: merchantRegion.next, into: batch),
              let amount = c.digitsField(at: afterIndustry),
              let afterChannel = c.shortSkippedField(at: amount.next),
              let status = c.lastStatusField(at: afterChannel) else { return nil }
        batch.finishRow(netAmount: status.cancel ? -amount.value : amount.value, consumerKey: consumer.key, merchantKey: merchant.key)
        return (status.next, status.cancel)
    }
}
