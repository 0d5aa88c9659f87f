/// The fast record parser: a structural scan over 64-byte blocks that finds
/// quotes, delimiters and newlines with SIMD bitmasks, tracks "inside quotes"
/// as a prefix XOR of the quote mask carried from block to block, and walks
/// the delimiter and newline bits outside quotes with trailing-zero counts.
///
/// A chunk is the records that *start* in `[start, limit)`; the last one may end
/// past `limit`. The chunk must start at a record boundary (the caller checks this
/// after the fact: see `Outcome.end`). Line numbers in `Outcome.quarantined` are
/// relative: the number of newline bytes between `start` and the row.
struct ChunkParser {
    let layout: LogLayout
    let rows: RowParser
    let fieldCount: Int
    let delimiter: UInt8
    let encoding: TextEncoding
    let batchSize: Int

    init(layout: LogLayout, batchSize: Int, duplicates: DuplicateFilter? = nil) {
        self.layout = layout
        self.rows = RowParser(schema: layout.schema, encoding: layout.encoding, duplicates: duplicates)
        self.fieldCount = layout.schema.fieldCount
        self.delimiter = layout.delimiter
        self.encoding = layout.encoding
        self.batchSize = batchSize
    }

    struct Outcome {
        /// Where the next record starts (= where the next chunk must start).
        var end: Int
        /// Newline bytes in `[start, end)`.
        var newlines: Int64 = 0
        var accounting = RowAccounting()
        /// Quarantined rows with lines relative to the chunk start (0 = the chunk's first line).
        var quarantined: [QuarantinedRow] = []
    }

    /// Parses the records starting in `[start, limit)` of `data`. When `isFinal` is
    /// false, `data` ends at an arbitrary byte (a streaming buffer) and a record that
    /// is not complete within it is left for the next call (`Outcome.end` points at it).
    /// Accepted rows go to `flush` in batches of about `batchSize`.
    func parse(
        _ data: UnsafeRawBufferPointer, start: Int, limit: Int, isFinal: Bool, file: String,
        keepQuarantined: Bool = true,
        flush: (inout TransactionBatch) -> Void
    ) -> Outcome {
        var outcome = Outcome(end: start)
        var batch = TransactionBatch(reservingCapacity: batchSize)
        let dataEnd = data.count
        guard start < dataEnd, start < limit, let base = data.baseAddress else { return outcome }
        let maxFields = fieldCount + 1
        let fieldEnds = UnsafeMutablePointer<Int>.allocate(capacity: maxFields)
        defer { fieldEnds.deallocate() }
        var tail = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))

        var blockStart = start
        var insideCarry: UInt64 = 0       // all ones when the block starts inside quotes
        var recordStart = start
        var fieldsSeen = 0
        var newlinesBeforeBlock: Int64 = 0
        var recordLine: Int64 = 0         // newlines between `start` and `recordStart`
        var recordMayBeNonASCII = false

        func finishRecord(end: Int) {
            // The record is [recordStart, end), without its line terminator.
            var contentEnd = end
            if contentEnd > recordStart && data[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            if fieldsSeen == 1 && contentEnd == recordStart { return }  // blank line: not a row
            outcome.accounting.read += 1
            if fieldsSeen != fieldCount {
                reject(QuarantineReason.fieldCount(UnsafeRawBufferPointer(rebasing: data[recordStart..<contentEnd])),
                       column: nil, contentEnd: contentEnd)
                return
            }
            if recordMayBeNonASCII && !encoding.isValid(UnsafeRawBufferPointer(rebasing: data[recordStart..<contentEnd])) {
                let ranges = (0..<fieldCount).map { k in (k == 0 ? recordStart : fieldEnds[k - 1] + 1)..<(k == fieldCount - 1 ? contentEnd : fieldEnds[k]) }
                reject(.invalidEncoding, column: QuarantineReason.invalidField(data, fields: ranges, encoding: encoding), contentEnd: contentEnd)
                return
            }
            let first = recordStart
            let result = rows.parse(into: &batch) { k in
                var s = k == 0 ? first : fieldEnds[k - 1] + 1
                var e = fieldEnds[k]
                if k == fieldCount - 1 && e > s && data[e - 1] == 0x0D { e -= 1 }
                if e - s >= 2 && data[s] == 0x22 && data[e - 1] == 0x22 {
                    s += 1
                    e -= 1
                }
                // Safe: s ≤ e ≤ dataEnd (field ends are structural positions inside data).
                return UnsafeRawBufferPointer(start: base + s, count: e - s)
            }
            switch result {
            case .accepted(let cancel):
                outcome.accounting.accepted += 1
                if cancel { outcome.accounting.cancellations += 1 }
                if batch.count >= batchSize {
                    flush(&batch)
                    batch.removeAll()
                }
            case .rejected(let reason, let column):
                reject(reason, column: column + 1, contentEnd: contentEnd)
            }
        }

        func reject(_ reason: QuarantineReason, column: Int?, contentEnd: Int) {
            outcome.accounting.quarantinedByReason[reason, default: 0] += 1
            if keepQuarantined {
                outcome.quarantined.append(QuarantinedRow(
                    file: file, line: recordLine, column: column, reason: reason,
                    raw: Array(UnsafeRawBufferPointer(rebasing: data[recordStart..<contentEnd]))))
            }
        }

        blocks: while blockStart < dataEnd {
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
            if masks.high != 0 { recordMayBeNonASCII = true }
            var structural = (masks.delimiter | masks.newline) & ~inside
            while structural != 0 {
                let bit = structural.trailingZeroBitCount
                structural &= structural &- 1
                let position = blockStart + bit
                if fieldsSeen < maxFields { fieldEnds[fieldsSeen] = position }
                fieldsSeen += 1
                if (masks.newline >> UInt64(bit)) & 1 == 1 {
                    finishRecord(end: position)
                    let upTo = bit == 63 ? ~UInt64(0) : (UInt64(1) << UInt64(bit + 1)) - 1
                    recordLine = newlinesBeforeBlock + Int64((masks.newline & upTo).nonzeroBitCount)
                    recordStart = position + 1
                    fieldsSeen = 0
                    recordMayBeNonASCII = (masks.high & ~upTo) != 0
                    if recordStart >= limit {
                        outcome.end = recordStart
                        outcome.newlines = recordLine
                        if batch.count > 0 { flush(&batch) }
                        return outcome
                    }
                }
            }
            newlinesBeforeBlock += Int64(masks.newline.nonzeroBitCount)
            blockStart += 64
        }
        // The data ended inside a record.
        if recordStart < dataEnd {
            if !isFinal {
                outcome.end = recordStart
                outcome.newlines = recordLine
                if batch.count > 0 { flush(&batch) }
                return outcome
            }
            if insideCarry != 0 {
                outcome.accounting.read += 1
                reject(.unterminatedQuote, column: fieldsSeen + 1, contentEnd: dataEnd)
            } else {
                if fieldsSeen < maxFields { fieldEnds[fieldsSeen] = dataEnd }
                fieldsSeen += 1
                finishRecord(end: dataEnd)
            }
        }
        outcome.end = dataEnd
        outcome.newlines = newlinesBeforeBlock
        if batch.count > 0 { flush(&batch) }
        return outcome
    }
}
