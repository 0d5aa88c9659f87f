/// The reference scanner: a plain byte loop (`RecordReader`) over a whole file,
/// one record at a time, single-threaded. It defines what the fast parallel scan
/// must produce (tests compare the two on random inputs) and serves small inputs.
///
/// Accepted rows go to `onBatch` in column batches; rejected rows go to
/// `onQuarantine` with file, line and reason. Exact accounting: every data row
/// read is either accepted or quarantined. Blank lines are not rows.
public enum ReferenceLogScanner {
    /// Scans the file at `path`.
    public static func scan(
        path: String,
        options: ScanOptions = ScanOptions(),
        onBatch: (TransactionBatch) -> Void,
        onQuarantine: (QuarantinedRow) -> Void
    ) throws(ScanError) -> RowAccounting {
        let file = try MappedFile(path: path)
        return try file.withBytes { (bytes) throws(ScanError) -> RowAccounting in
            try scan(bytes: bytes, file: path, options: options, onBatch: onBatch, onQuarantine: onQuarantine)
        }
    }

    /// Scans the bytes of one whole file (header first). `file` names it in messages.
    public static func scan(
        bytes: UnsafeRawBufferPointer,
        file: String,
        options: ScanOptions = ScanOptions(),
        onBatch: (TransactionBatch) -> Void,
        onQuarantine: (QuarantinedRow) -> Void
    ) throws(ScanError) -> RowAccounting {
        let layout = try LogLayout(bytes: bytes, file: file, options: options)
        if options.dedupe && layout.schema.fieldIndex[.txID] == nil { throw DuplicateFilter.missingColumn(file: file) }
        let parser = RowParser(schema: layout.schema, encoding: layout.encoding,
                               duplicates: options.dedupe ? DuplicateFilter() : nil)
        var reader = RecordReader(bytes: bytes, position: layout.dataStart, line: layout.firstDataLine, delimiter: layout.delimiter)
        var accounting = RowAccounting()
        var batch = TransactionBatch()
        var fields: [Range<Int>] = []
        fields.reserveCapacity(layout.schema.fieldCount + 1)

        func quarantine(_ record: RecordReader.Record, _ reason: QuarantineReason, column: Int?) {
            accounting.quarantinedByReason[reason, default: 0] += 1
            let end = record.contentEnd
            onQuarantine(QuarantinedRow(file: file, line: record.line, column: column, reason: reason,
                                        bytes: UnsafeRawBufferPointer(rebasing: bytes[record.start..<end])))
        }

        while true {
            let record = reader.next(into: &fields, maxFields: layout.schema.fieldCount + 1)
            if record.isEnd { break }
            if record.isBlank { continue }
            accounting.read += 1
            if record.unterminatedQuote {
                // The field the open quote is in: counted past the fields kept (a row with more
                // fields than the header must still name it, as the chunk parser does).
                quarantine(record, .unterminatedQuote, column: record.fieldCount)
                continue
            }
            if record.contentEnd - record.start > QuarantinedRow.recordLimit {
                quarantine(record, .recordTooLong, column: nil)
                continue
            }
            if fields.count != layout.schema.fieldCount {
                let endsData = record.end == bytes.count && bytes[record.end - 1] != 0x0A
                let reason = QuarantineReason.fieldCount(UnsafeRawBufferPointer(rebasing: bytes[record.start..<record.contentEnd]),
                                                         fields: record.fieldCount, expected: layout.schema.fieldCount,
                                                         endsData: endsData)
                quarantine(record, reason, column: reason == .truncatedLastLine ? record.fieldCount : nil)
                continue
            }
            if !layout.encoding.isValid(UnsafeRawBufferPointer(rebasing: bytes[record.start..<record.contentEnd])) {
                quarantine(record, .invalidEncoding,
                           column: QuarantineReason.invalidField(bytes, fields: fields, encoding: layout.encoding))
                continue
            }
            let outcome = parser.parse(into: &batch) { k in UnsafeRawBufferPointer(rebasing: bytes[fields[k]]) }
            switch outcome {
            case .accepted(let cancel):
                accounting.accepted += 1
                if cancel { accounting.cancellations += 1 }
                if batch.count >= options.batchSize {
                    onBatch(batch)
                    batch.removeAll()
                }
            case .rejected(let reason, let column):
                quarantine(record, reason, column: column + 1)
            }
            if let limit = options.maxBadRows, BadRowPolicy.exceeded(limit, accounting, final: false) {
                if batch.count > 0 { onBatch(batch) }
                throw BadRowPolicy.error(limit, accounting, file: file, line: record.line)
            }
        }
        if batch.count > 0 { onBatch(batch) }
        if let limit = options.maxBadRows, BadRowPolicy.exceeded(limit, accounting, final: true) {
            throw BadRowPolicy.error(limit, accounting, file: file, line: nil)
        }
        return accounting
    }
}

/// When `--max-bad-rows` stops a scan, and the error it stops with.
public enum BadRowPolicy {
    public static func exceeded(_ limit: ScanOptions.BadRowLimit, _ a: RowAccounting, final: Bool) -> Bool {
        switch limit {
        case .count(let n): return a.quarantined > n
        case .percent(let p):
            guard final || a.read >= 1000, a.read > 0 else { return false }
            return Double(a.quarantined) * 100 > p * Double(a.read)
        }
    }

    public static func error(_ limit: ScanOptions.BadRowLimit, _ a: RowAccounting, file: String, line: Int64?) -> ScanError {
        let worst = a.quarantinedByReason.max { $0.value < $1.value || ($0.value == $1.value && $0.key.rawValue > $1.key.rawValue) }
        let limitText: String
        switch limit {
        case .count(let n): limitText = "\(n) rows"
        case .percent(let p): limitText = "\(p)% of rows"
        }
        return ScanError(
            .tooManyBadRows, file: file, line: line,
            message: "\(a.quarantined) of \(a.read) rows quarantined, more than the limit of \(limitText); most common reason: \(worst.map { "\($0.key.rawValue) (\($0.value) rows: \($0.key.explanation))" } ?? "none")",
            hint: "inspect the quarantine file, fix the source or the column mapping, or raise --max-bad-rows")
    }
}
