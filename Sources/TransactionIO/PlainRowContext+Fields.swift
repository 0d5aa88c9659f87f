/// The plain-row path's field parsers, one per kind of field: each parses the field that starts
/// at `p` (with at least 32 readable bytes from `p`), checks that the delimiter ends it, and
/// returns where the next field starts (with the value, for the values kept until the row's end),
/// or nil. Both walkers (`PlainRowContext.parseRow`, `CanonicalRowWalker.parseRow`) use them.
extension PlainRowContext {
    // Safe (every load in this file): the caller guarantees 32 readable bytes from each field's start.
    @inline(__always)
    func fieldByte(_ q: Int) -> UInt8 { base.load(fromByteOffset: q, as: UInt8.self) }

    /// A 19-byte `YYYY-MM-DD HH:MM:SS` timestamp, stored into the batch's next row.
    @inline(__always)
    func timestampField(at p: Int, into batch: TransactionBatch.Appender) -> Int? {
        guard fieldByte(p &+ 19) == delimiter, let t = dates.timestamp(base + p, months: months) else { return nil }
        batch.setTimestamp(t)
        return p &+ 20
    }

    /// `timestampField`, or a timestamp in another form (`PlainTextFields.timestampField`):
    /// the general walker's. The canonical walker is the ASCII fast path and leaves other forms
    /// to the block scan: a call to `PlainTextFields` anywhere in its loop, even never taken,
    /// cost it 7–17 instructions a row in spilled registers.
    @inline(__always)
    func anyTimestampField(at p: Int, into batch: TransactionBatch.Appender) -> Int? {
        if let next = timestampField(at: p, into: batch) { return next }
        guard let other = PlainTextFields.timestampField(base, at: p, delimiter: delimiter, months: months, dates: dates) else { return nil }
        batch.setTimestamp(other.0)
        return other.next
    }

    /// 1–8 plain digits (regions, amounts).
    @inline(__always)
    func digitsField(at p: Int) -> (value: Int64, next: Int)? {
        let (v, n) = ChunkParseState.leadingDigits(base + p)
        guard n > 0 && fieldByte(p &+ n) == delimiter else { return nil }
        return (v, p &+ n &+ 1)
    }

    /// An industry code of 1–8 printable bytes, stored into the batch's next row.
    @inline(__always)
    func industryField(at p: Int, into batch: TransactionBatch.Appender) -> Int? {
        let n = stops.stop(base + p)
        guard n < 16 && fieldByte(p &+ n) == delimiter, let code = WordFieldParsers.industry(base + p, count: n) else { return nil }
        batch.setIndustry(code)
        return p &+ n &+ 1
    }

    /// An id of 1–15 printable ASCII bytes, hashed.
    @inline(__always)
    func idField(at p: Int) -> (key: UInt64, next: Int)? {
        let n = stops.stop(base + p)
        guard n < 16 && fieldByte(p &+ n) == delimiter, let h = WordFieldParsers.idHash(base + p, count: n) else { return nil }
        return (h, p &+ n &+ 1)
    }

    /// A status that is exactly a vocabulary word (Korean words included) and not the last field.
    @inline(__always)
    func statusField(at p: Int) -> (cancel: Bool, next: Int)? {
        let n = stops.textStop(base + p)
        guard n < 16 && fieldByte(p &+ n) == delimiter, let verdict = ChunkParseState.status(base + p, count: n, statusWords) else { return nil }
        return (verdict, p &+ n &+ 1)
    }

    /// A field that is only skipped, of any length up to `positionLimit` (checked every 16 bytes).
    @inline(__always)
    func skippedField(at p: Int, limit positionLimit: Int) -> Int? {
        var end = p
        var n = 16
        while n == 16 {
            guard end < positionLimit else { return nil }
            n = stops.stop(base + end)
            end &+= n
        }
        guard fieldByte(end) == delimiter else { return nil }
        return end &+ 1
    }

    /// A skipped field of at most 31 bytes (two 16-byte stops), so that it needs no position limit.
    @inline(__always)
    func shortSkippedField(at p: Int) -> Int? {
        guard let n = stops.shortStop(base + p) else { return nil }
        guard fieldByte(p &+ n) == delimiter else { return nil }
        return p &+ n &+ 1
    }

    /// A status as the last field: a vocabulary word followed by the newline (one carriage
    /// return before it is not content). Returns the verdict and where the next record starts.
    @inline(__always)
    func lastStatusField(at p: Int) -> (cancel: Bool, next: Int)? {
        let n = stops.textStop(base + p)
        guard n < 16 else { return nil }
        var end = p &+ n
        guard fieldByte(end) == 0x0A else { return nil }
        let next = end &+ 1
        if end > p && fieldByte(end &- 1) == 0x0D { end &-= 1 }
        guard let verdict = ChunkParseState.status(base + p, count: end &- p, statusWords) else { return nil }
        return (verdict, next)
    }
}
