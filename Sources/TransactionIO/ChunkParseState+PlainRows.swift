#if canImport(_Builtin_intrinsics.intel)
import _Builtin_intrinsics.intel
#endif

extension ChunkParseState {
    /// The longest row the plain-row path reads (bytes, without its newline); longer rows go
    /// to the block scan.
    static let plainRowLimit = 256

    /// Readable bytes the plain-row path needs after a record start: the longest plain row
    /// plus the 32 bytes its word loads may read past a field's start.
    static let plainRowSlack = plainRowLimit + 64

    /// Parses the record at `recordStart` on the plain-row path, the common case: a row of
    /// ASCII text without quotes, every field in its plain form. Instead of finding every
    /// delimiter with the 64-byte block scan and then parsing each field, it walks the row
    /// field by field in schema order (`roles`) and lets each field's parser find the field's
    /// end: a digit field's length comes out of the same word test that checks its digits, a
    /// timestamp is 19 bytes, any other field ends at the first delimiter, newline, quote or
    /// non-ASCII byte of its first 16 (one SSE2 compare).
    ///
    /// A row is taken only when the byte that ends each field is the delimiter (the newline,
    /// or a carriage return and the newline, for the last field). Every byte before the
    /// newline is then either checked field content (digits, a timestamp, printable text
    /// without a quote, delimiter or newline) or a delimiter, so the row has no quote, its
    /// field ends are exactly its delimiters and it ends at its first newline: the record,
    /// fields and line number the block scan would find. The values are those of
    /// `parseWords` (the same `WordFieldParsers`), which are those of `RowParser.parse`.
    ///
    /// Returns false, having changed nothing, for anything else (a quote or non-ASCII byte,
    /// another field count, a field in another form, a row longer than `plainRowLimit`);
    /// the block scan then takes that record and decides. Requires `plainRowSlack` readable
    /// bytes from `recordStart`, no duplicate filter, and `fieldsSeen == 0`.
    @inline(__always)
    mutating func parsePlainRow(roles: UnsafePointer<PlainFieldRole>, flush: (inout TransactionBatch) -> Void) -> Bool {
        let rows = parser.rows, base = self.base
        let last = parser.fieldCount &- 1
        let delimiter = parser.delimiter
        let positionLimit = recordStart &+ Self.plainRowLimit
        var p = recordStart
        var ts = ParsedTimestamp(month: 0, hour: 0, epochSeconds: 0)
        var consumerRegion: Int64 = 0, merchantRegion: Int64 = 0, value: Int64 = 0
        var industry = IndustryCode(packed: 0)
        var cancel = false
        var consumerKey: UInt64 = 0, merchantKey: UInt64 = 0

        /// Where the next field (or, after the last, the next record) starts when the field's
        /// content ends at `q`, or nil when the byte there does not end the field.
        @inline(__always) func next(after q: Int, isLast: Bool) -> Int? {
            // Safe: q < positionLimit + 32, inside the slack.
            let b = base.load(fromByteOffset: q, as: UInt8.self)
            if !isLast { return b == delimiter ? q &+ 1 : nil }
            if b == 0x0A { return q &+ 1 }
            return b == 0x0D && base.load(fromByteOffset: q &+ 1, as: UInt8.self) == 0x0A ? q &+ 2 : nil
        }

        for k in 0...last {
            guard p < positionLimit else { return false }
            let isLast = k == last
            // Safe (every load below): p < positionLimit, and the loads read at most 32 bytes
            // from p, inside the plainRowSlack the caller guarantees.
            let field = base + p
            switch roles[k] {
            case .timestamp:
                guard let t = WordFieldParsers.timestamp(field, count: 19, months: rows.months),
                      let after = next(after: p &+ 19, isLast: isLast) else { return false }
                ts = t
                p = after
            case .consumerRegion, .merchantRegion, .amount:
                // The digits before the first non-digit byte of the word (all eight when none is):
                // a byte is flagged by the test of `WordFieldParsers.allDigits`; the lowest flagged
                // byte is exact (carries only move up from a flagged byte).
                let t = field.loadUnaligned(as: UInt64.self) ^ 0x3030_3030_3030_3030
                let nonDigit = (t | (t &+ 0x0606_0606_0606_0606)) & 0xF0F0_F0F0_F0F0_F0F0
                let n = nonDigit == 0 ? 8 : nonDigit.trailingZeroBitCount >> 3
                guard n > 0, let after = next(after: p &+ n, isLast: isLast) else { return false }
                // As `WordFieldParsers.digits`: the n digits shifted to the top bytes.
                let v = Int64(bitPattern: WordFieldParsers.eightDigits(t << UInt64(64 &- 8 &* n)))
                switch roles[k] {
                case .consumerRegion: consumerRegion = v
                case .merchantRegion: merchantRegion = v
                default: value = v
                }
                p = after
            case .industry, .status, .consumerID, .merchantID, .skip:
                var n = Self.plainStop(field, delimiter: delimiter)
                var end = p &+ n
                if n == 16 {
                    // Only skipped fields may be longer than 16 bytes.
                    guard roles[k] == .skip else { return false }
                    repeat {
                        guard end < positionLimit else { return false }
                        n = Self.plainStop(base + end, delimiter: delimiter)
                        end &+= n
                    } while n == 16
                }
                // The stop byte must end the field: the delimiter, or the newline for the last field.
                let b = base.load(fromByteOffset: end, as: UInt8.self)
                guard b == (isLast ? 0x0A : delimiter) else { return false }
                let after = end &+ 1
                // One carriage return before the newline is not content.
                if isLast && end > p && base.load(fromByteOffset: end &- 1, as: UInt8.self) == 0x0D { end &-= 1 }
                let count = end &- p
                switch roles[k] {
                case .industry:
                    guard let code = WordFieldParsers.industry(field, count: count) else { return false }
                    industry = code
                case .status:
                    let w = WordFieldParsers.word(field, count: count)
                    var matched = false
                    for entry in rows.statusWordTable where entry.length == count && entry.word == w {
                        cancel = entry.cancel
                        matched = true
                        break
                    }
                    if !matched { return false }
                case .consumerID:
                    guard let h = WordFieldParsers.idHash(field, count: count) else { return false }
                    consumerKey = h
                case .merchantID:
                    guard let h = WordFieldParsers.idHash(field, count: count) else { return false }
                    merchantKey = h
                default:
                    break
                }
                p = after
            }
        }
        batch.append(
            month: ts.month, hour: ts.hour, time: ts.epochSeconds, consumerRegion: consumerRegion,
            merchantRegion: merchantRegion, industry: industry, netAmount: cancel ? -value : value,
            consumerKey: consumerKey, merchantKey: merchantKey)
        outcome.accounting.read &+= 1
        accept(.accepted(cancel: cancel), flush: flush)
        recordStart = p
        recordLine &+= 1
        return true
    }

    /// The offset of the first delimiter, newline, quote or non-ASCII byte among the 16 at
    /// `p` (all must be readable), or 16 when there is none.
    @inline(__always)
    static func plainStop(_ p: UnsafeRawPointer, delimiter d: UInt8) -> Int {
        #if canImport(_Builtin_intrinsics.intel)
        // Safe: the caller guarantees 16 readable bytes at p; loadu has no alignment requirement.
        let v = _mm_loadu_si128(p.assumingMemoryBound(to: __m128i.self))
        let hits = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(Int8(bitPattern: d))), _mm_cmpeq_epi8(v, _mm_set1_epi8(0x0A))),
            _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(0x22)), v))  // v: its high bits mark non-ASCII bytes
        return (UInt32(UInt16(truncatingIfNeeded: _mm_movemask_epi8(hits))) | 0x1_0000).trailingZeroBitCount
        #else
        for k in 0..<16 {
            let b = p.load(fromByteOffset: k, as: UInt8.self)
            if b == d || b == 0x0A || b == 0x22 || b >= 0x80 { return k }
        }
        return 16
        #endif
    }
}
