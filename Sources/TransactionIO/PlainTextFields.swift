#if canImport(_Builtin_intrinsics.intel)
import _Builtin_intrinsics.intel
#endif

/// The plain-row path's forms for what real exports hold beyond plain ASCII: skipped text in
/// the log's encoding (a merchant name or a channel in Korean), a skipped field quoted on one
/// line (`"오천읍 식당, 본점"`, with doubled quotes inside), and timestamps in the other forms
/// `FieldParsers.timestamp` reads (`YYYYMMDDHHMMSS`, ISO 8601 with `T`, a fraction or a zone),
/// amounts in the forms `FieldParsers.amount` reads (a sign: exports often write a
/// cancellation as a negative amount; a fraction of zeros), and value fields quoted on one
/// line (`quotedContent`, read by `PlainRowContext.quotedValue`).
/// Each is tried only after the ASCII form declined, out of line and with its arguments in
/// registers (as methods of `PlainRowContext` they made the compiler copy the context onto the
/// stack for every row: +14 instructions a row on an ASCII log), so an ASCII log's rows cost
/// what they did.
///
/// A row these take is the row the block scan would accept, with the same values: a skipped
/// field's bytes are checked against the log's encoding here (the block scan checks the whole
/// record; every byte outside these fields is ASCII, and no byte of a valid UTF-8 or CP949
/// character is a delimiter, quote or newline, so the record is valid exactly when each such
/// field is), a quoted field ends at the quote the block scan would end it at, and a field that
/// holds a newline inside quotes, or a quote anywhere else, is left to the block scan (its line
/// numbers and quote handling decide there).
enum PlainTextFields {
    /// Where a skipped field at `p` that holds text or quotes ends: the position of the
    /// delimiter or newline after it (the newline of `\r\n` after a closing quote), or nil.
    /// Every 16-byte load starts before `limit`, and the caller guarantees 32 readable bytes
    /// after it (so a field ends before `limit` + 16, with 16 readable bytes after it, as the
    /// encoding check needs).
    @inline(never)
    static func fieldEnd(_ base: UnsafeRawPointer, at p: Int, limit: Int, delimiter: UInt8, encoding: TextEncoding) -> Int? {
        inlinedFieldEnd(base, at: p, limit: limit, delimiter: delimiter, encoding: encoding)
    }

    /// `fieldEnd`, inlined into `skippedField` (one call a field instead of two).
    @inline(__always)
    static func inlinedFieldEnd(_ base: UnsafeRawPointer, at p: Int, limit: Int, delimiter: UInt8, encoding: TextEncoding) -> Int? {
        guard p < limit else { return nil }
        let stops = FieldStopFinder(delimiter: delimiter)
        // Safe (every load here): positions below limit + 32, readable by the caller's guarantee.
        @inline(__always) func byte(_ q: Int) -> UInt8 { base.load(fromByteOffset: q, as: UInt8.self) }
        // A stop at a quote inside an unquoted field is no delimiter or newline: every caller
        // declines it, and the block scan decides.
        if byte(p) != 0x22 { return unquotedEnd(base, at: p, limit: limit, stops: stops, encoding: encoding) }
        var nonASCII = false
        // Quoted: content up to the closing quote; a doubled quote is one quote of content.
        var q = p &+ 1
        while true {
            guard let found = nextQuote(base, from: q, limit: limit, stops: stops) else { return nil }
            nonASCII = nonASCII || found.nonASCII
            q = found.at
            guard byte(q &+ 1) == 0x22 else { break }
            q &+= 2
        }
        guard !nonASCII || encoding.isValidPadded(base + (p &+ 1), count: q &- p &- 1) else { return nil }
        let end = q &+ 1
        return byte(end) == 0x0D && byte(end &+ 1) == 0x0A ? end &+ 1 : end
    }

    /// The end of an unquoted text field: its bytes are found and, in UTF-8, validated in one
    /// pass over 16-byte blocks (`UTF8BlockValidator`; a block it cannot decide leaves the whole
    /// field to the byte loop), in CP949 validated after the search.
    @inline(__always)
    static func unquotedEnd(_ base: UnsafeRawPointer, at p: Int, limit: Int, stops: FieldStopFinder, encoding: TextEncoding) -> Int? {
        var end = p
        #if canImport(_Builtin_intrinsics.intel)
        if encoding == .utf8 {
            var validator = UTF8BlockValidator()
            var undecided = false
            while true {
                guard end < limit else { return nil }
                // Safe: end < limit, and 32 bytes after limit are readable.
                let v = _mm_loadu_si128((base + end).assumingMemoryBound(to: __m128i.self))
                let n = stops.textStop(in: v)
                if !undecided {
                    switch validator.check(v, inField: (1 << UInt32(n)) &- 1) {
                    case .valid: break
                    case .invalid: return nil
                    case .undecided: undecided = true
                    }
                }
                end &+= n
                if n < 16 { break }
            }
            if undecided {
                return UTF8Validation.isValid(UnsafeRawBufferPointer(start: base + p, count: end &- p), allowTruncatedEnd: false) ? end : nil
            }
            return validator.complete ? end : nil
        }
        #endif
        var nonASCII = false
        var n = 16
        while n == 16 {
            guard end < limit else { return nil }
            let stop = stops.textStopAndHigh(base + end)
            n = stop.stop
            nonASCII = nonASCII || stop.nonASCII
            end &+= n
        }
        return !nonASCII || encoding.isValidPadded(base + p, count: end &- p) ? end : nil
    }

    /// A value field quoted on one line (exports that quote every field): its content, and
    /// where the next field (`last`: the next record) starts. Nil for anything the block scan
    /// must decide: no closing quote before a newline, a quote inside (doubled or not),
    /// something other than the delimiter (`last`: a newline, or a carriage return and a
    /// newline) after the closing quote, or content invalid in the log's encoding. The
    /// content is what the block scan gives the row parser: the field without its quotes.
    @inline(never)
    static func quotedContent(_ base: UnsafeRawPointer, at p: Int, limit: Int, delimiter: UInt8, encoding: TextEncoding,
                              last: Bool) -> (content: UnsafeRawBufferPointer, next: Int)? {
        // Safe (every load here): positions below limit + 32, readable by the caller's guarantee.
        @inline(__always) func byte(_ q: Int) -> UInt8 { base.load(fromByteOffset: q, as: UInt8.self) }
        // A doubled quote: the byte after the first quote is then a quote, neither the
        // delimiter nor a line end, and the block scan decides.
        guard let found = nextQuote(base, from: p &+ 1, limit: limit, stops: FieldStopFinder(delimiter: delimiter)) else { return nil }
        let (q, nonASCII) = (found.at, found.nonASCII)
        let after = q &+ 1
        let count = q &- p &- 1
        guard !nonASCII || encoding.isValidPadded(base + (p &+ 1), count: count) else { return nil }
        let next: Int
        if !last {
            guard byte(after) == delimiter else { return nil }
            next = after &+ 1
        } else if byte(after) == 0x0A {
            next = after &+ 1
        } else {
            guard byte(after) == 0x0D && byte(after &+ 1) == 0x0A else { return nil }
            next = after &+ 2
        }
        return (UnsafeRawBufferPointer(start: base + (p &+ 1), count: count), next)
    }

    /// The first quote at or after `q` inside quotes, and whether a byte before it is
    /// non-ASCII; nil at a newline (a field spanning lines: the block scan decides) or when
    /// no quote starts before `limit` (every 16-byte load starts before it).
    @inline(__always)
    static func nextQuote(_ base: UnsafeRawPointer, from q: Int, limit: Int, stops: FieldStopFinder) -> (at: Int, nonASCII: Bool)? {
        var q = q, nonASCII = false
        while true {
            guard q < limit else { return nil }
            let stop = stops.quoteOrNewline(base + q)
            nonASCII = nonASCII || stop.nonASCII
            q &+= stop.stop
            if stop.stop < 16 { break }
        }
        // Safe: q < limit + 16, readable by the caller's guarantee.
        return base.load(fromByteOffset: q, as: UInt8.self) == 0x22 ? (q, nonASCII) : nil
    }

    /// A skipped field (not the last) in any of the forms above: where the next field starts.
    @inline(never)
    static func skippedField(_ base: UnsafeRawPointer, at p: Int, limit: Int, delimiter: UInt8, encoding: TextEncoding) -> Int? {
        guard let end = inlinedFieldEnd(base, at: p, limit: limit, delimiter: delimiter, encoding: encoding),
              base.load(fromByteOffset: end, as: UInt8.self) == delimiter else { return nil }
        return end &+ 1
    }

    /// A timestamp field at `p` in a form other than `YYYY-MM-DD HH:MM:SS`, at most 31 bytes
    /// (32 readable from `p`): its value and where the next field starts. The compact form's
    /// dates come from the worker's memo (`DateMemo.compactTimestamp`).
    @inline(never)
    static func timestampField(_ base: UnsafeRawPointer, at p: Int, delimiter: UInt8, months: MonthTable,
                               dates: DateMemo) -> (ParsedTimestamp, next: Int)? {
        // The compact form first, without a stop search: 14 digits (checked by the memo's
        // parse) and the delimiter after them are exactly a 14-byte field.
        // Safe: p + 14 < p + 32, readable by the caller's guarantee.
        if base.load(fromByteOffset: p &+ 14, as: UInt8.self) == delimiter, let t = dates.compactTimestamp(base + p, months: months) {
            return (t, p &+ 15)
        }
        guard let n = delimitedShortField(base, at: p, delimiter: delimiter),
              let t = n == 14 ? dates.compactTimestamp(base + p, months: months) : timestamp(base + p, count: n, months: months)
        else { return nil }
        return (t, p &+ n &+ 1)
    }

    /// The length of a field at `p` shorter than 32 bytes that the delimiter ends (32 readable
    /// from `p`), or nil: the search every out-of-line value reader here starts with.
    @inline(__always)
    static func delimitedShortField(_ base: UnsafeRawPointer, at p: Int, delimiter: UInt8) -> Int? {
        guard let n = FieldStopFinder(delimiter: delimiter).shortStop(base + p),
              // Safe: p + n < p + 32, readable by the caller's guarantee.
              base.load(fromByteOffset: p &+ n, as: UInt8.self) == delimiter else { return nil }
        return n
    }

    /// An amount in a form other than plain digits (a sign, a fraction of zeros, spaces around
    /// it: what `FieldParsers.amount` reads), at most 31 bytes (32 readable from `p`): its value
    /// in won, negative for a cancellation, and where the next field starts.
    @inline(never)
    static func amountField(_ base: UnsafeRawPointer, at p: Int, delimiter: UInt8) -> (value: Int64, next: Int)? {
        guard let n = delimitedShortField(base, at: p, delimiter: delimiter), let value = amount(base + p, count: n) else { return nil }
        return (value, p &+ n &+ 1)
    }

    /// `FieldParsers.amount` of the `count` bytes at `field`, when it gives a value the row
    /// parser accepts (not Int64.min, whose magnitude does not fit).
    @inline(never)
    static func amount(_ field: UnsafeRawPointer, count: Int) -> Int64? {
        guard case .value(let v) = FieldParsers.amount(UnsafeRawBufferPointer(start: field, count: count)), v != Int64.min else { return nil }
        return v
    }

    /// The timestamp of the `count` ASCII bytes at `field` (16 readable after it), in any form
    /// `FieldParsers.timestamp` reads, with its result.
    @inline(__always)
    static func timestamp(_ field: UnsafeRawPointer, count: Int, months: MonthTable) -> ParsedTimestamp? {
        if let t = WordFieldParsers.timestamp(field, count: count, months: months) { return t }
        return count >= 19 ? FieldParsers.timestamp(UnsafeRawBufferPointer(start: field, count: count)) : nil
    }
}
