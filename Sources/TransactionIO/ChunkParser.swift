/// The fast record parser: a structural scan over 64-byte blocks that finds
/// quotes, delimiters and newlines with SIMD bitmasks, tracks "inside quotes"
/// as a prefix XOR of the quote mask carried from block to block, and walks
/// the delimiter and newline bits outside quotes with trailing-zero counts.
///
/// A chunk is the records that *start* in `[start, limit)`; the last one may end
/// past `limit`. The chunk must start at a record boundary (the caller checks this
/// after the fact: see `Outcome.end`). Line numbers in `Outcome.rejected` are
/// relative: the number of newline bytes between `start` and the row.
struct ChunkParser {
    let layout: LogLayout
    let rows: RowParser
    let fieldCount: Int
    let delimiter: UInt8
    let encoding: TextEncoding
    let batchSize: Int
    /// The role of each field on the plain-row path (nil: the log takes the block scan only).
    let plainRoles: [PlainFieldRole]?
    /// Whether the plain-row path can use `CanonicalRowWalker` (the canonical column order).
    let canonicalOrder: Bool

    init(layout: LogLayout, batchSize: Int, duplicates: DuplicateFilter? = nil) {
        self.layout = layout
        self.rows = RowParser(schema: layout.schema, encoding: layout.encoding, duplicates: duplicates)
        self.fieldCount = layout.schema.fieldCount
        self.delimiter = layout.delimiter
        self.encoding = layout.encoding
        self.batchSize = batchSize
        self.plainRoles = PlainFieldRole.roles(of: rows, fieldCount: fieldCount)
        self.canonicalOrder = plainRoles == PlainFieldRole.canonicalOrder
    }

    /// How far from its start a chunk's parse reads before it lets the pages behind it go
    /// (`releaseBehind`), and then again every as many bytes. Chunks are 1 MiB; a chunk
    /// reads that far only through a record that runs on (a quote left open: the rest of the
    /// file may be one record, and no later cut finds a record start, so the chunk's limit is
    /// the end of the file).
    static let releaseSpan = 64 << 20

    struct Outcome {
        /// Where the next record starts (= where the next chunk must start).
        var end: Int
        /// Newline bytes in `[start, end)`.
        var newlines: Int64 = 0
        var accounting = RowAccounting()
        /// The first quarantined rows (up to the parse's `keepQuarantined`), with lines relative
        /// to the chunk start (0 = the chunk's first line); `listed` makes them into rows.
        var rejected: [RejectedRow] = []
        /// Whether a newline inside quotes was seen (a record spanning lines): a cut in such a
        /// log may fall inside quotes, so `ParallelScanDriver` stops guessing cuts.
        var quotedNewline = false
    }

    /// Parses the records starting in `[start, limit)` of `data`. When `isFinal` is
    /// false, `data` ends at an arbitrary byte (a streaming buffer) and a record that
    /// is not complete within it is left for the next call (`Outcome.end` points at it).
    /// Accepted rows go to `flush` in batches of about `batchSize`. `dates` is the plain-row
    /// path's date memo, which a worker keeps from chunk to chunk (one of the caller's that
    /// no other thread uses while this call runs; nil: one for this call only).
    func parse(
        _ data: UnsafeRawBufferPointer, start: Int, limit: Int, isFinal: Bool, file: String,
        keepQuarantined: Int = .max, dates: DateMemo? = nil,
        releaseBehind: ((Int) -> Void)? = nil,
        flush: (inout TransactionBatch) -> Void
    ) -> Outcome {
        let dataEnd = data.count
        guard start < dataEnd, start < limit, let base = data.baseAddress else { return Outcome(end: start) }
        let fieldEnds = UnsafeMutablePointer<Int>.allocate(capacity: fieldCount + 1)
        let roles = UnsafeMutablePointer<PlainFieldRole>.allocate(capacity: fieldCount)
        roles.initialize(repeating: .skip, count: fieldCount)
        let ownDates = dates == nil ? DateMemo.allocate() : nil
        defer {
            fieldEnds.deallocate()
            roles.deallocate()
            ownDates?.deallocate()
        }
        if let plainRoles { roles.update(from: plainRoles, count: fieldCount) }
        // The record state lives in a struct (not in locals captured by nested functions,
        // which the compiler boxes and guards with dynamic exclusivity checks).
        var state = ChunkParseState(
            parser: self, data: data, base: base, file: file, start: start, fieldEnds: fieldEnds, dates: dates ?? ownDates!,
            keepQuarantined: keepQuarantined)
        var tail = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        var blockStart = start
        var insideCarry: UInt64 = 0       // all ones when the block starts inside quotes
        var newlinesBeforeBlock: Int64 = 0
        let maxFields = fieldCount + 1
        // The plain-row path (see `PlainRowContext.parseRow`) takes each record it can; the block scan
        // below takes the others. After a record the plain-row path declines, the block scan
        // keeps the next `slowRun` records before the plain-row path is tried again (doubling
        // while it keeps declining, so a log of Korean text or quoted fields pays little for
        // the attempts).
        let plainRows = state.wordParsing && plainRoles != nil
        var nextRelease = releaseBehind == nil ? Int.max : start + Self.releaseSpan
        var slowRun = 0, slowLeft = 0

        rows: while true {
            if plainRows && slowLeft == 0 {
                var taken = canonicalOrder
                    ? state.parseCanonicalRows(limit: limit, dataEnd: dataEnd, roles: roles, flush: flush)
                    : state.parsePlainRows(limit: limit, dataEnd: dataEnd, roles: roles, flush: flush)
                // The record the ASCII walker declined may be text in the log's encoding, quoted
                // or a timestamp in another form: the text walker takes it and up to 63 rows after
                // it (the quoted walker, when its values are quoted too), then the ASCII walker
                // tries again, until all of them decline the same record.
                while state.recordStart < limit {
                    var text = state.parseTextRows(limit: limit, dataEnd: dataEnd, roles: roles, flush: flush)
                    if text == 0 { text = state.parseQuotedRows(limit: limit, dataEnd: dataEnd, roles: roles, flush: flush) }
                    if text == 0 { break }
                    taken += text
                    taken += canonicalOrder
                        ? state.parseCanonicalRows(limit: limit, dataEnd: dataEnd, roles: roles, flush: flush)
                        : state.parsePlainRows(limit: limit, dataEnd: dataEnd, roles: roles, flush: flush)
                }
                if taken > 0 { slowRun = 0 }
                if state.recordStart >= limit {
                    return state.finish(end: state.recordStart, newlines: state.recordLine, flush: flush)
                }
                // The block scan resumes at the record start, outside quotes.
                blockStart = state.recordStart
                insideCarry = 0
                newlinesBeforeBlock = state.recordLine
                state.fieldsSeen = 0
                state.recordMayBeNonASCII = false
                state.recordHasQuote = false
                slowRun = min(max(slowRun * 2, 1), 1024)
                slowLeft = slowRun
            }
            while blockStart < dataEnd {
                if blockStart >= nextRelease {
                    // A record running far (see `releaseSpan`): the pages read so far may leave
                    // the mapping (read again, they are mapped again).
                    releaseBehind?(blockStart)
                    nextRelease = blockStart + Self.releaseSpan
                }
                let available = dataEnd - blockStart
                var masks: BlockMasks
                if available >= 64 {
                    masks = BlockMasks(base + blockStart, delimiter: delimiter)
                } else {
                    // Last partial block: copy into a zeroed 64-byte buffer (zero matches nothing).
                    tail = (0, 0, 0, 0, 0, 0, 0, 0)
                    masks = withUnsafeMutableBytes(of: &tail) { buffer in
                        // Safe: the buffer holds 64 bytes and we copy `available` < 64 of them.
                        buffer.baseAddress!.copyMemory(from: base + blockStart, byteCount: available)
                        return BlockMasks(UnsafeRawPointer(buffer.baseAddress!), delimiter: delimiter)
                    }
                }
                let inside = BlockMasks.prefixXOR(masks.quote) ^ insideCarry
                insideCarry = (inside >> 63) & 1 == 1 ? ~0 : 0
                if masks.high != 0 { state.recordMayBeNonASCII = true }
                if masks.quote != 0 { state.recordHasQuote = true }
                if masks.newline & inside != 0 { state.outcome.quotedNewline = true }
                var structural = masks.structural & ~inside
                // Without quotes in or before the block, every newline in it ends a record, so
                // counting them as they come replaces a population count per record.
                let quoteFree = masks.quote == 0 && insideCarry == 0
                var newlinesInBlock: Int64 = 0
                var fieldsSeen = state.fieldsSeen
                while structural != 0 {
                    let bit = structural.trailingZeroBitCount
                    structural &= structural &- 1
                    let position = blockStart &+ bit
                    // Safe: the index is clamped to maxFields − 1 = fieldCount; fieldEnds holds
                    // maxFields entries, and entries past fieldCount − 1 are never read as field ends.
                    fieldEnds[fieldsSeen < maxFields ? fieldsSeen : maxFields &- 1] = position
                    fieldsSeen &+= 1
                    if (masks.newline >> UInt64(bit)) & 1 == 1 {
                        state.fieldsSeen = fieldsSeen
                        state.finishRecord(end: position, flush: flush)
                        fieldsSeen = 0
                        newlinesInBlock &+= 1
                        let upTo = bit == 63 ? ~UInt64(0) : (UInt64(1) << UInt64(bit + 1)) &- 1
                        state.recordLine = newlinesBeforeBlock
                            &+ (quoteFree ? newlinesInBlock : Int64((masks.newline & upTo).nonzeroBitCount))
                        state.recordStart = position &+ 1
                        state.recordMayBeNonASCII = (masks.high & ~upTo) != 0
                        state.recordHasQuote = (masks.quote & ~upTo) != 0
                        if state.recordStart >= limit {
                            state.fieldsSeen = 0
                            return state.finish(end: state.recordStart, newlines: state.recordLine, flush: flush)
                        }
                        if plainRows {
                            slowLeft &-= 1
                            if slowLeft == 0 {
                                state.fieldsSeen = 0
                                continue rows
                            }
                        }
                    }
                }
                state.fieldsSeen = fieldsSeen
                newlinesBeforeBlock &+= quoteFree ? newlinesInBlock : Int64(masks.newline.nonzeroBitCount)
                blockStart += 64
            }
            break rows
        }
        // The data ended inside a record.
        if state.recordStart < dataEnd {
            if !isFinal {
                return state.finish(end: state.recordStart, newlines: state.recordLine, flush: flush)
            }
            if insideCarry != 0 {
                state.outcome.accounting.read += 1
                state.reject(.unterminatedQuote, column: state.fieldsSeen + 1, contentEnd: dataEnd)
            } else {
                if state.fieldsSeen < maxFields { fieldEnds[state.fieldsSeen] = dataEnd }
                state.fieldsSeen += 1
                state.finishRecord(end: dataEnd, flush: flush)
            }
        }
        return state.finish(end: dataEnd, newlines: newlinesBeforeBlock, flush: flush)
    }
}
