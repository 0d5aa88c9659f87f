/// The state of one `ChunkParser.parse` call: the record being assembled, the
/// batch of accepted rows and the outcome so far. Record positions are absolute
/// offsets into `data`.
struct ChunkParseState {
    let parser: ChunkParser
    let data: UnsafeRawBufferPointer
    let base: UnsafeRawPointer
    let file: String
    /// Structural positions (field ends) of the current record; `fieldCount + 1` entries.
    let fieldEnds: UnsafeMutablePointer<Int>
    /// The most quarantined rows this parse keeps (`RejectedRow`s; more are only counted).
    let keepQuarantined: Int
    /// Rows without a duplicate filter may take the word-at-a-time path.
    let wordParsing: Bool
    /// Field ends on the plain-row path.
    let stops: FieldStopFinder
    /// Dates the plain-row path has parsed (the worker's memo, or this chunk's).
    let dates: DateMemo

    var outcome: ChunkParser.Outcome
    var batch: TransactionBatch
    var recordStart: Int
    var fieldsSeen = 0
    /// Newlines between the chunk start and `recordStart`.
    var recordLine: Int64 = 0
    /// Conservative flags: set when a non-ASCII byte or a quote may lie in the record.
    var recordMayBeNonASCII = false
    var recordHasQuote = false

    init(parser: ChunkParser, data: UnsafeRawBufferPointer, base: UnsafeRawPointer, file: String, start: Int,
         fieldEnds: UnsafeMutablePointer<Int>, dates: DateMemo, keepQuarantined: Int) {
        self.parser = parser
        self.data = data
        self.base = base
        self.file = file
        self.fieldEnds = fieldEnds
        self.dates = dates
        self.keepQuarantined = keepQuarantined
        self.wordParsing = parser.rows.duplicates == nil
        stops = FieldStopFinder(delimiter: parser.delimiter)
        outcome = ChunkParser.Outcome(end: start)
        batch = TransactionBatch(reservingCapacity: parser.batchSize)
        recordStart = start
    }

    /// Classifies the record `[recordStart, end)` (without its line terminator):
    /// accepted into the batch, or quarantined; a blank line is not a row.
    @inline(__always)
    mutating func finishRecord(end: Int, flush: (inout TransactionBatch) -> Void) {
        let fieldCount = parser.fieldCount
        var contentEnd = end
        if contentEnd > recordStart && data[contentEnd - 1] == 0x0D { contentEnd -= 1 }
        if fieldsSeen == 1 && contentEnd == recordStart { return }  // blank line: not a row
        outcome.accounting.read += 1
        if contentEnd - recordStart > QuarantinedRow.recordLimit {
            reject(.recordTooLong, column: nil, contentEnd: contentEnd)
            return
        }
        if fieldsSeen != fieldCount {
            // A record that reaches the end of the data has no newline after it (only the final
            // piece of a log finishes such a record): the file's last line.
            let reason = QuarantineReason.fieldCount(UnsafeRawBufferPointer(rebasing: data[recordStart..<contentEnd]),
                                                     fields: fieldsSeen, expected: fieldCount, endsData: end == data.count)
            // A cut line names its last field, where the cut fell; other counts name no column.
            reject(reason, column: reason == .truncatedLastLine ? fieldsSeen : nil, contentEnd: contentEnd)
            return
        }
        // Rows with non-ASCII bytes are checked against the log's encoding once, here; an
        // invalid row is quarantined by the general path.
        let encodingValid = !recordMayBeNonASCII
            || parser.encoding.isValid(UnsafeRawBufferPointer(rebasing: data[recordStart..<contentEnd]))
        // The word-at-a-time form first, for valid rows without quotes and with room to read
        // past their end (Korean text in a field is common and takes this path too).
        if encodingValid && wordParsing && !recordHasQuote && contentEnd + 32 <= data.count,
           let result = parser.rows.parseWords(into: &batch, base: base, rowStart: recordStart, rowEnd: contentEnd,
                                               fieldEnds: fieldEnds, fieldCount: fieldCount) {
            accept(result, flush: flush)
            return
        }
        finishRecordByFields(contentEnd: contentEnd, encodingValid: encodingValid, flush: flush)
    }

    /// The general path: quarantine for invalid encoding, quoted fields, then `RowParser.parse`.
    mutating func finishRecordByFields(contentEnd: Int, encodingValid: Bool, flush: (inout TransactionBatch) -> Void) {
        let fieldCount = parser.fieldCount
        let encoding = parser.encoding
        if !encodingValid {
            let (first, ends) = (recordStart, fieldEnds)
            let ranges = (0..<fieldCount).map { k in
                (k == 0 ? first : ends[k - 1] + 1)..<(k == fieldCount - 1 ? contentEnd : ends[k])
            }
            reject(.invalidEncoding, column: QuarantineReason.invalidField(data, fields: ranges, encoding: encoding),
                   contentEnd: contentEnd)
            return
        }
        let (first, ends, data, base) = (recordStart, fieldEnds, data, base)
        let result = parser.rows.parse(into: &batch) { k in
            var s = k == 0 ? first : ends[k - 1] + 1
            var e = ends[k]
            if k == fieldCount - 1 && e > s && data[e - 1] == 0x0D { e -= 1 }
            if e - s >= 2 && data[s] == 0x22 && data[e - 1] == 0x22 {
                s += 1
                e -= 1
            }
            // Safe: s ≤ e ≤ data.count (field ends are structural positions inside data).
            return UnsafeRawBufferPointer(start: base + s, count: e - s)
        }
        switch result {
        case .accepted:
            accept(result, flush: flush)
        case .rejected(let reason, let column):
            reject(reason, column: column + 1, contentEnd: contentEnd)
        }
    }

    @inline(__always)
    mutating func accept(_ result: RowParser.Outcome, flush: (inout TransactionBatch) -> Void) {
        guard case .accepted(let cancel) = result else { return }
        outcome.accounting.accepted += 1
        if cancel { outcome.accounting.cancellations += 1 }
        if batch.count >= parser.batchSize {
            flush(&batch)
            batch.removeAll()
        }
    }

    mutating func reject(_ reason: QuarantineReason, column: Int?, contentEnd: Int) {
        outcome.accounting.quarantinedByReason[reason, default: 0] += 1
        if outcome.rejected.count < keepQuarantined {
            outcome.rejected.append(RejectedRow(line: recordLine, start: recordStart, end: contentEnd,
                                                column: Int32(truncatingIfNeeded: column ?? 0), reason: reason))
        }
    }

    /// Flushes the last batch and returns the outcome, ending at `end`.
    mutating func finish(end: Int, newlines: Int64, flush: (inout TransactionBatch) -> Void) -> ChunkParser.Outcome {
        outcome.end = end
        outcome.newlines = newlines
        if batch.count > 0 { flush(&batch) }
        return outcome
    }
}
