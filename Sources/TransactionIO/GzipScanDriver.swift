import Dispatch

/// Drives the scan of a gzip-compressed log: one thread inflates blocks while
/// the calling thread parses the previous one (decompression is the slower
/// stage, so the scan runs at inflate speed). A record cut by a block boundary
/// is carried into the next block. Batches go to `onBatch` as worker 0.
public enum GzipScanDriver {
    public static func run(
        path: String, options: ScanOptions, duplicates: DuplicateFilter? = nil,
        onLayout: (LogLayout) -> Void,
        onBatch: @Sendable (_ worker: Int, _ batch: TransactionBatch) -> Void,
        afterRound: (ScanRound) throws(ScanError) -> Void
    ) throws(ScanError) -> RowAccounting {
        let reader = try GzipLogReader(path: path)
        let pipe = BlockPipe(reader: reader)
        defer { pipe.stop() }

        var pending: [UInt8] = []
        var layout: LogLayout?
        var parser: ChunkParser?
        let dates = DateMemo.allocate()
        defer { dates.deallocate() }
        var line: Int64 = 1
        var total = RowAccounting()
        var listing = options.quarantineListing  // the quarantined rows listed (see ParallelScanDriver)
        var done = false
        // A record longer than `QuarantinedRow.recordLimit` is read past, not kept (see
        // `LongRecordSkipper`); while it lasts, blocks go to the skipper instead of `pending`.
        var skipper: LongRecordSkipper?
        while !done {
            let block = try pipe.next()
            if var skipping = skipper {
                let ended = block.flatMap { b in b.withUnsafeBytes { skipping.feed($0) } }
                if block == nil { done = true }
                var accounting = RowAccounting()
                var quarantined: [QuarantinedRow] = []
                if let ended, let block {
                    pending = Array(block[ended...])
                } else if !done {
                    skipper = skipping
                    try afterRound(ScanRound(file: path, accounting: accounting, quarantined: [],
                                             bytesDone: pipe.compressedDone, bytesTotal: reader.compressedSize))
                    continue
                }
                // The record has ended (or the data has): one quarantined row.
                let row = skipping.row(file: path, line: line)
                accounting.read = 1
                accounting.quarantinedByReason[row.reason] = 1
                if listing.admit(rawBytes: row.raw.count) { quarantined.append(row) }
                line += skipping.newlines + (done ? 0 : 1)
                skipper = nil
                total = total + accounting
                try afterRound(ScanRound(file: path, accounting: accounting, quarantined: quarantined,
                                         bytesDone: pipe.compressedDone, bytesTotal: reader.compressedSize))
            } else if let block {
                pending += block
            } else {
                done = true
            }
            if layout == nil {
                // Wait for the whole header line (or the end of the data).
                if !done && !pending.contains(0x0A) {
                    if pending.count > QuarantinedRow.recordLimit {
                        throw ScanError(.unreadableFile, file: path,
                                        message: "no line end in the first \(QuarantinedRow.recordLimit >> 20) MiB after decompression",
                                        hint: "this does not look like a CSV log; check that the file is the export")
                    }
                    continue
                }
                let l = try Self.layout(of: pending, path: path, options: options)
                layout = l
                onLayout(l)
                if duplicates != nil && l.schema.fieldIndex[.txID] == nil { throw DuplicateFilter.missingColumn(file: path) }
                parser = ChunkParser(layout: l, batchSize: options.batchSize, duplicates: duplicates)
                pending.removeFirst(l.dataStart)
                line = l.firstDataLine
            }
            guard let parser, !pending.isEmpty else { continue }
            let isFinal = done
            let keep = listing.rowsLeft
            let (outcome, quarantined) = pending.withUnsafeBytes { bytes in
                let outcome = parser.parse(bytes, start: 0, limit: bytes.count, isFinal: isFinal, file: path, keepQuarantined: keep,
                                           dates: dates) { batch in onBatch(0, batch) }
                return (outcome, outcome.listed(in: bytes, file: path, movedDown: line, listing: &listing))
            }
            line += outcome.newlines
            pending.removeFirst(outcome.end)
            total = total + outcome.accounting
            // What is left is one record not yet complete. Longer than the limit (by more than a
            // CR its end may drop), it is read past from here on instead of kept.
            if !done && pending.count > QuarantinedRow.recordLimit + 1, let l = layout {
                var skipping = LongRecordSkipper(delimiter: l.delimiter)
                if pending.withUnsafeBytes({ skipping.feed($0) }) == nil {
                    skipper = skipping
                    pending = []
                }
            }
            try afterRound(ScanRound(file: path, accounting: outcome.accounting, quarantined: quarantined,
                                     bytesDone: pipe.compressedDone, bytesTotal: reader.compressedSize))
        }
        if layout == nil {
            throw ScanError(.emptyFile, file: path, message: "the file is empty after decompression (no header, no rows)",
                            hint: "check that the export finished")
        }
        return total
    }
}

extension GzipScanDriver {
    static func layout(of bytes: [UInt8], path: String, options: ScanOptions) throws(ScanError) -> LogLayout {
        // Array.withUnsafeBytes rethrows untyped errors; a scratch copy of the header region keeps the typed throw.
        let raw = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 8)
        defer { raw.deallocate() }
        raw.copyBytes(from: bytes)
        return try LogLayout(bytes: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(raw)[0..<bytes.count]), file: path, options: options)
    }
}

/// Inflates on a background thread, two blocks ahead of the parser.
final class BlockPipe: @unchecked Sendable {
    // @unchecked Sendable: `slots` and `failure` are guarded by `lock`; the reader is used
    // only by the background thread.
    private let reader: GzipLogReader
    private let lock = DispatchSemaphore(value: 1)
    private let filled = DispatchSemaphore(value: 0)
    private let free = DispatchSemaphore(value: 2)
    private var slots: [[UInt8]?] = []
    private var failure: ScanError?
    private var stopped = false
    private var consumedCompressed = 0

    init(reader: GzipLogReader) {
        self.reader = reader
        DispatchQueue.global().async { self.produce() }
    }

    var compressedDone: Int {
        lock.wait()
        defer { lock.signal() }
        return consumedCompressed
    }

    private func produce() {
        while true {
            free.wait()
            lock.wait()
            let stop = stopped
            lock.signal()
            if stop { return }
            let block: [UInt8]?
            var failed: ScanError?
            do {
                block = try reader.next()
            } catch let caught {
                block = nil
                failed = caught
            }
            lock.wait()
            slots.append(block)
            failure = failure ?? failed
            consumedCompressed = reader.compressedDone
            lock.signal()
            filled.signal()
            if block == nil { return }
        }
    }

    /// The next block, nil at the end; rethrows the reader's error.
    func next() throws(ScanError) -> [UInt8]? {
        filled.wait()
        lock.wait()
        let block = slots.removeFirst()
        let error = failure
        lock.signal()
        free.signal()
        if block == nil, let error { throw error }
        return block
    }

    func stop() {
        lock.wait()
        stopped = true
        lock.signal()
        free.signal()
    }
}
