/// Reads a transaction log in the canonical schema (CSV, RFC 4180 quoting) and
/// hands accepted rows to the caller in column batches; rejected rows go to the
/// quarantine callback with file, line and reason. Exact accounting: every data
/// row read is either accepted or quarantined.
///
/// This is the correct, single-threaded reference scanner: a byte loop over a
/// memory-mapped file, no `String` in the loop. Blank lines are not rows.
public enum TransactionLogScanner {
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
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        // Skip blank lines before the header.
        var line: Int64 = 1
        while start < bytes.count && (bytes[start] == 0x0A || bytes[start] == 0x0D) {
            if bytes[start] == 0x0A { line += 1 }
            start += 1
        }
        if start >= bytes.count {
            throw ScanError(.emptyFile, file: file, message: "the file is empty (no header, no rows)",
                            hint: "check that the export finished; a log starts with a header line")
        }
        let delimiter = options.delimiter ?? detectDelimiter(bytes, from: start)
        var reader = RecordReader(bytes: bytes, position: start, line: line, delimiter: delimiter)
        var headerFields: [Range<Int>] = []
        let headerRecord = reader.next(into: &headerFields, maxFields: 4096)
        let header = headerFields.map { String(decoding: UnsafeRawBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
        if headerRecord.unterminatedQuote {
            throw ScanError(.missingColumns, file: file, line: line, message: "the header has an unclosed quote",
                            hint: "fix the header line")
        }
        let schema = try TransactionSchema(header: header, file: file)
        let columns = ColumnPositions(schema)

        var accounting = RowAccounting()
        var batch = TransactionBatch()
        var fields: [Range<Int>] = []
        fields.reserveCapacity(schema.fieldCount + 1)

        func quarantine(_ record: RecordReader.Record, _ reason: QuarantineReason, column: Int?) {
            accounting.quarantinedByReason[reason, default: 0] += 1
            var end = record.end
            while end > record.start && (bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D) { end -= 1 }
            onQuarantine(QuarantinedRow(file: file, line: record.line, column: column, reason: reason,
                                        raw: Array(UnsafeRawBufferPointer(rebasing: bytes[record.start..<end]))))
        }

        while true {
            let record = reader.next(into: &fields, maxFields: schema.fieldCount + 1)
            if record.isEnd { break }
            if record.isBlank { continue }
            accounting.read += 1
            if record.unterminatedQuote {
                quarantine(record, .unterminatedQuote, column: fields.count)
            } else if fields.count != schema.fieldCount {
                quarantine(record, .wrongFieldCount, column: nil)
            } else {
                switch parse(bytes, fields, columns, into: &batch) {
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
            }
            if let limit = options.maxBadRows, exceeded(limit, accounting, final: false) {
                if batch.count > 0 { onBatch(batch) }
                throw tooMany(limit, accounting, file: file, line: record.line)
            }
        }
        if batch.count > 0 { onBatch(batch) }
        if let limit = options.maxBadRows, exceeded(limit, accounting, final: true) {
            throw tooMany(limit, accounting, file: file, line: nil)
        }
        return accounting
    }

    static func exceeded(_ limit: ScanOptions.BadRowLimit, _ a: RowAccounting, final: Bool) -> Bool {
        switch limit {
        case .count(let n): return a.quarantined > n
        case .percent(let p):
            guard final || a.read >= 1000, a.read > 0 else { return false }
            return Double(a.quarantined) * 100 > p * Double(a.read)
        }
    }

    static func tooMany(_ limit: ScanOptions.BadRowLimit, _ a: RowAccounting, file: String, line: Int64?) -> ScanError {
        let worst = a.quarantinedByReason.max { $0.value < $1.value }
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

    /// Picks the delimiter that occurs most often (outside quotes) in the header line.
    static func detectDelimiter(_ bytes: UnsafeRawBufferPointer, from start: Int) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0, UInt8(ascii: "|"): 0]
        var inQuotes = false
        var i = start
        while i < bytes.count && (inQuotes || bytes[i] != 0x0A) {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { inQuotes.toggle() } else if !inQuotes, counts[b] != nil { counts[b]! += 1 }
            i += 1
        }
        let best = counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }!
        return best.value > 0 ? best.key : UInt8(ascii: ",")
    }
}
