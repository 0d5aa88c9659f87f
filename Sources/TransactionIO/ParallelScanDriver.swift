import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// Drives the parallel scan of one memory-mapped file: it cuts the data into
/// rounds of `threads` chunks, resolves each chunk's first record boundary
/// exactly (a parallel pre-pass counts quotes and newlines per segment, so the
/// "inside quotes" state and the line number at every cut are known), parses
/// the chunks in parallel with `ChunkParser`, and hands batches to `onBatch`
/// with the worker's index. After each round `afterRound` runs on the calling
/// thread with the round's accounting and quarantined rows (absolute line
/// numbers, file order); it may run its own parallel phase (the consumer
/// partitions) and may throw to stop the scan. Pages already scanned are
/// released from the mapping, so resident memory stays near threads × chunk size.
///
/// The rows parsed, and so the aggregates, do not depend on the thread count or
/// the chunk size.
public enum ParallelScanDriver {
    public static func run(
        file: MappedFile, layout: LogLayout, options: ScanOptions, duplicates: DuplicateFilter? = nil,
        onBatch: @Sendable (_ worker: Int, _ batch: TransactionBatch) -> Void,
        afterRound: (ScanRound) throws(ScanError) -> Void
    ) throws(ScanError) -> RowAccounting {
        try file.withBytes { (bytes) throws(ScanError) -> RowAccounting in
            try run(bytes: bytes, file: file, layout: layout, options: options, duplicates: duplicates,
                    onBatch: onBatch, afterRound: afterRound)
        }
    }

    /// The same over bytes already in memory (no pages to release).
    public static func run(
        bytes: UnsafeRawBufferPointer, layout: LogLayout, options: ScanOptions, duplicates: DuplicateFilter? = nil,
        onBatch: @Sendable (_ worker: Int, _ batch: TransactionBatch) -> Void,
        afterRound: (ScanRound) throws(ScanError) -> Void
    ) throws(ScanError) -> RowAccounting {
        try run(bytes: bytes, file: nil, layout: layout, options: options, duplicates: duplicates,
                onBatch: onBatch, afterRound: afterRound)
    }

    static func run(
        bytes: UnsafeRawBufferPointer, file: MappedFile?, layout: LogLayout, options: ScanOptions,
        duplicates: DuplicateFilter?,
        onBatch: @Sendable (_ worker: Int, _ batch: TransactionBatch) -> Void,
        afterRound: (ScanRound) throws(ScanError) -> Void
    ) throws(ScanError) -> RowAccounting {
        // With a duplicate filter, rows must be seen in file order: one worker.
        let threads = duplicates == nil ? options.threads : 1
        if duplicates != nil && layout.schema.fieldIndex[.txID] == nil {
            throw DuplicateFilter.missingColumn(file: layout.file)
        }
        let parser = ChunkParser(layout: layout, batchSize: options.batchSize, duplicates: duplicates)
        let dataEnd = bytes.count
        let chunkSize = options.chunkSize
        var total = RowAccounting()
        var roundStart = layout.dataStart
        var lineAtRoundStart = layout.firstDataLine
        // nonisolated(unsafe): the buffer is read-only for the whole scan and outlives every worker.
        nonisolated(unsafe) let data = bytes

        while roundStart < dataEnd {
            let roundEnd = roundStart + min(dataEnd - roundStart, threads * chunkSize)
            var splits = [Int](repeating: roundEnd, count: threads + 1)
            for t in 0..<threads { splits[t] = min(roundStart + t * chunkSize, roundEnd) }

            // Pre-pass: quotes and newlines per segment, in parallel.
            let counts = UnsafeMutableBufferPointer<(quotes: Int, newlines: Int)>.allocate(capacity: threads)
            defer { counts.deallocate() }
            nonisolated(unsafe) let countsOut = counts
            let segments = splits
            DispatchQueue.concurrentPerform(iterations: threads) { t in
                // Safe: each worker writes only its own element t.
                countsOut[t] = StructuralCounts.count(data, from: segments[t], to: segments[t + 1])
            }

            // Exact record starts at each cut, and their line numbers.
            var starts = [Int](repeating: roundStart, count: threads + 1)
            var lines = [Int64](repeating: lineAtRoundStart, count: threads)
            var parity = 0
            var lineAtSplit = lineAtRoundStart
            for t in 1..<max(threads, 1) {
                parity ^= counts[t - 1].quotes & 1
                lineAtSplit += Int64(counts[t - 1].newlines)
                let (start, skipped) = recordStart(data, at: splits[t], inside: parity == 1)
                starts[t] = max(start, starts[t - 1])
                lines[t] = start >= starts[t - 1] ? lineAtSplit + Int64(skipped) : lines[t - 1]
            }
            starts[threads] = max(roundEnd, starts[threads - 1])

            // Parse the chunks in parallel.
            let outcomes = UnsafeMutableBufferPointer<ChunkParser.Outcome?>.allocate(capacity: threads)
            outcomes.initialize(repeating: nil)
            defer {
                outcomes.deinitialize()
                outcomes.deallocate()
            }
            nonisolated(unsafe) let outcomesOut = outcomes
            let chunkStarts = starts
            let path = layout.file
            DispatchQueue.concurrentPerform(iterations: threads) { t in
                let start = chunkStarts[t], limit = chunkStarts[t + 1]
                guard start < limit, start < dataEnd else { return }
                // Safe: each worker writes only its own element t.
                outcomesOut[t] = parser.parse(data, start: start, limit: limit, isFinal: true, file: path) { batch in
                    onBatch(t, batch)
                }
            }

            // Check the boundaries, fix line numbers, report the round in file order.
            var roundAccounting = RowAccounting()
            var quarantined: [QuarantinedRow] = []
            var next = starts[threads - 1]
            var lineAtNext = lines[threads - 1]
            for t in 0..<threads {
                guard let outcome = outcomes[t] else { continue }
                if t < threads - 1 && outcome.end != starts[t + 1] {
                    throw ScanError(.unreadableFile, file: path, line: lines[t],
                                    message: "internal error: chunk \(t) ended at byte \(outcome.end), expected \(starts[t + 1])",
                                    hint: "please report this with the file; --threads 1 avoids parallel chunking")
                }
                roundAccounting = roundAccounting + outcome.accounting
                for row in outcome.quarantined {
                    quarantined.append(QuarantinedRow(file: row.file, line: lines[t] + row.line, column: row.column,
                                                      reason: row.reason, raw: row.raw))
                }
                if t == threads - 1 {
                    next = outcome.end
                    lineAtNext = lines[t] + outcome.newlines
                }
            }
            total = total + roundAccounting
            file?.release(upTo: next)
            roundStart = next
            lineAtRoundStart = lineAtNext
            try afterRound(ScanRound(file: path, accounting: roundAccounting, quarantined: quarantined,
                                     bytesDone: min(roundStart, dataEnd), bytesTotal: dataEnd))
        }
        return total
    }

    /// The first record start at or after `position`, given whether `position` is
    /// inside quotes, and the newlines between `position` and it.
    static func recordStart(_ data: UnsafeRawBufferPointer, at position: Int, inside: Bool) -> (Int, Int) {
        if position <= 0 || position >= data.count { return (min(max(position, 0), data.count), 0) }
        // A newline is not a quote, so the state before it equals the state at `position`.
        if data[position - 1] == 0x0A && !inside { return (position, 0) }
        var inQuotes = inside
        var newlines = 0
        var i = position
        while i < data.count {
            let b = data[i]
            if b == 0x22 {
                inQuotes.toggle()
            } else if b == 0x0A {
                newlines += 1
                if !inQuotes { return (i + 1, newlines) }
            }
            i += 1
        }
        return (data.count, newlines)
    }
}

/// Counts quotes and newlines in a byte range, 64 bytes at a time.
enum StructuralCounts {
    static func count(_ data: UnsafeRawBufferPointer, from: Int, to: Int) -> (quotes: Int, newlines: Int) {
        guard from < to, let base = data.baseAddress else { return (0, 0) }
        var quotes = 0, newlines = 0
        var i = from
        while i + 64 <= to {
            let m = BlockMasks(base + i, delimiter: 0x22)
            quotes += m.quote.nonzeroBitCount
            newlines += m.newline.nonzeroBitCount
            i += 64
        }
        while i < to {
            let b = data[i]
            if b == 0x22 { quotes += 1 } else if b == 0x0A { newlines += 1 }
            i += 1
        }
        return (quotes, newlines)
    }
}
