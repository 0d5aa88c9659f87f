extension RowParser {
    /// The fast form of `parse` for a row without quotes whose bytes are valid in the log's
    /// encoding, the common case: fields are read a word at a time (`WordFieldParsers`). Field `k`
    /// is `[k == 0 ? rowStart : fieldEnds[k − 1] + 1, k == last ? rowEnd : fieldEnds[k])`.
    ///
    /// Returns nil, having appended nothing, whenever some field is not in its plain
    /// form (a sign, a separator, a long id, an ISO timestamp, a status in other case, …);
    /// the caller then runs `parse`, which decides. When it returns, the row is accepted
    /// with the values `parse` would give. Requires 16 readable bytes after `rowEnd`, and
    /// no duplicate filter (those rows go through `parse`).
    @inline(__always)
    func parseWords(into batch: inout TransactionBatch, base: UnsafeRawPointer, rowStart: Int, rowEnd: Int,
                    fieldEnds: UnsafeMutablePointer<Int>, fieldCount: Int) -> Outcome? {
        // Safe: k < fieldCount, the number of field ends the caller recorded.
        @inline(__always) func start(_ k: Int) -> Int { k == 0 ? rowStart : fieldEnds[k &- 1] &+ 1 }
        @inline(__always) func count(_ k: Int) -> Int { (k == fieldCount &- 1 ? rowEnd : fieldEnds[k]) &- start(k) }
        if clock != nil { return nil }
        // Safe (all pointer arithmetic below): field starts lie in [rowStart, rowEnd] and the
        // caller guarantees 16 readable bytes after rowEnd.
        guard let ts = WordFieldParsers.timestamp(base + start(timestamp), count: count(timestamp), months: months),
              let consumerRegion = WordFieldParsers.digits(base + start(consumerRegion), count: count(consumerRegion)),
              let merchantRegion = WordFieldParsers.digits(base + start(merchantRegion), count: count(merchantRegion)),
              let industry = WordFieldParsers.industry(base + start(ksic), count: count(ksic)),
              let value = WordFieldParsers.digits(base + start(amount), count: count(amount)) else { return nil }
        var cancel = false
        if let s = status {
            let n = count(s)
            let w = WordFieldParsers.word(base + start(s), count: n)
            var matched = false
            for entry in statusWordTable where entry.length == n && entry.word == w {
                cancel = entry.cancel
                matched = true
                break
            }
            if !matched { return nil }
        }
        var consumerKey: UInt64 = 0, merchantKey: UInt64 = 0
        if let c = consumerID {
            guard let h = WordFieldParsers.idHash(base + start(c), count: count(c)) else { return nil }
            consumerKey = h
        }
        if let m = merchantID {
            guard let h = WordFieldParsers.idHash(base + start(m), count: count(m)) else { return nil }
            merchantKey = h
        }
        batch.append(
            month: ts.month, hour: ts.hour, time: ts.epochSeconds, consumerRegion: consumerRegion,
            merchantRegion: merchantRegion, industry: industry, netAmount: cancel ? -value : value,
            consumerKey: consumerKey, merchantKey: merchantKey)
        return .accepted(cancel: cancel)
    }
}
