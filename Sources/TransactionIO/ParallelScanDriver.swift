import CScanSupport
import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// Drives the parallel scan of one memory-mapped file: it cuts the data into
/// rounds of `threads` × `chunkSize` bytes, each cut into `chunksPerWorker` chunks per
/// worker that the workers take in turn (so a worker slowed down by a neighbour on
/// the host delays the round's end by one small chunk at most), and resolves each
/// chunk's first record boundary exactly: with exact cuts the quote parity of every segment
/// between cuts is known before the round is parsed (computed by the previous round's
/// workers once its chunks are taken, or by a parallel pre-pass for the first round), so
/// the "inside quotes" state at every cut is known; with speculative cuts (below) the state
/// is guessed and the guess checked. Line numbers follow from the newlines
/// each chunk reports. It parses the chunks in parallel with `ChunkParser` and hands
/// batches to `onBatch` with the worker's index. After each round `afterRound` runs on
/// the calling thread with the round's accounting and quarantined rows (absolute line
/// numbers, file order); it may run its own parallel phase (the consumer partitions)
/// and may throw to stop the scan. Pages already scanned are released from the
/// mapping (by a worker, during the next round), so resident memory stays near three
/// rounds of the file.
///
/// The rows parsed, and so the aggregates, do not depend on the thread count or
/// the chunk size.
///
/// With `speculativeCuts` the quote parities are not computed: every cut is taken to lie
/// outside quotes, which is true unless a quoted field spanning lines crosses it, and the
/// parse checks each guess (chunk c starts at a record start, so where it ends is one, and
/// it must be where chunk c + 1 started). A wrong guess throws `ScanError.Code.speculationFailed`
/// before `afterRound` sees the round, and the caller must scan again without speculation
/// (`LogScan` does). Once a chunk has seen a newline inside quotes, the rounds after it
/// are exact. On the 32 M-row log (no quotes) this saves reading every byte twice: best of
/// five alternating runs 3.22 → 2.99 s, median 3.70 → 3.55 s, user CPU 5.35 → 4.99 s.
public enum ParallelScanDriver {
    public static func run(
        file: MappedFile, layout: LogLayout, options: ScanOptions, duplicates: DuplicateFilter? = nil,
        speculativeCuts: Bool = false,
        onBatch: @Sendable (_ worker: Int, _ batch: TransactionBatch) -> Void,
        afterRound: (ScanRound) throws(ScanError) -> Void
    ) throws(ScanError) -> RowAccounting {
        try file.withBytes { (bytes) throws(ScanError) -> RowAccounting in
            try run(bytes: bytes, file: file, layout: layout, options: options, duplicates: duplicates,
                    speculativeCuts: speculativeCuts, onBatch: onBatch, afterRound: afterRound)
        }
    }

    /// The same over bytes already in memory (no pages to release).
    public static func run(
        bytes: UnsafeRawBufferPointer, layout: LogLayout, options: ScanOptions, duplicates: DuplicateFilter? = nil,
        speculativeCuts: Bool = false,
        onBatch: @Sendable (_ worker: Int, _ batch: TransactionBatch) -> Void,
        afterRound: (ScanRound) throws(ScanError) -> Void
    ) throws(ScanError) -> RowAccounting {
        try run(bytes: bytes, file: nil, layout: layout, options: options, duplicates: duplicates,
                speculativeCuts: speculativeCuts, onBatch: onBatch, afterRound: afterRound)
    }

    static func run(
        bytes: UnsafeRawBufferPointer, file: MappedFile?, layout: LogLayout, options: ScanOptions,
        duplicates: DuplicateFilter?, speculativeCuts: Bool,
        onBatch: @Sendable (_ worker: Int, _ batch: TransactionBatch) -> Void,
        afterRound: (ScanRound) throws(ScanError) -> Void
    ) throws(ScanError) -> RowAccounting {
        // With a duplicate filter, rows must be seen in file order: one worker.
        let threads = duplicates == nil ? options.threads : 1
        if duplicates != nil && layout.schema.fieldIndex[.txID] == nil {
            throw DuplicateFilter.missingColumn(file: layout.file)
        }
        let parser = ChunkParser(layout: layout, batchSize: options.batchSize, duplicates: duplicates)
        // One date memo per worker, kept from chunk to chunk (a chunk then pays no first misses).
        let dateMemos = (0..<threads).map { _ in DateMemo.allocate() }
        defer { for memo in dateMemos { memo.deallocate() } }
        let dataEnd = bytes.count
        let chunkSize = options.chunkSize
        var total = RowAccounting()
        var roundStart = layout.dataStart
        var lineAtRoundStart = layout.firstDataLine
        // The quarantined rows listed (the first ones in file order); each chunk keeps as many
        // as could still be listed when its round began, the rest are only counted.
        var listing = options.quarantineListing
        // nonisolated(unsafe): the buffer is read-only for the whole scan and outlives every worker.
        nonisolated(unsafe) let data = bytes

        let chunks = threads == 1 ? 1 : threads * Self.chunksPerWorker
        let nextChunk = UnsafeMutablePointer<Int>.allocate(capacity: 1)
        defer { nextChunk.deallocate() }

        // A round's cuts lie on a grid fixed before the round starts: `chunks` equal segments of
        // [gridStart, gridEnd). Each segment's quote parity is computed ahead, by the workers of
        // the previous round once they run out of chunks (or, for the first round and after a
        // record longer than a round, by a pre-pass), so each cut's "inside quotes" state is
        // known before the round is parsed.
        var grid: (start: Int, end: Int, parities: [Int])? = nil
        let roundBytes = threads * chunkSize
        // Speculating: each cut is taken to lie outside quotes (true unless a record spanning
        // lines crosses it), so no byte is read twice for quote parities; the parse checks the
        // guess (each chunk must end where the next one starts). Exact: cut states from parities.
        // A log of one round or less is cut exactly: the parity pass over it costs little
        // (64 MiB at most with the default chunks), and a quoted field spanning lines, which
        // a small log can hardly avoid putting under one of its many small chunks' cuts, would
        // otherwise make it scanned twice, with a note.
        var speculating = speculativeCuts && chunks > 1 && dataEnd - roundStart > roundBytes
        var gridEnd = roundStart  // where the previous round's grid ended
        // Speculating, the record start guessed at each cut of the next round's grid
        // (`guessedRecordStart(at: cut)`, before the prefix maximum below), found by the
        // workers once they run out of chunks, so the calling thread does not take the first
        // page fault of every chunk while the other workers wait (under `perf` that serial loop
        // showed as ~0.1 s of the 32 M-row log's wall time; without it the gain is within the
        // host's noise). Any guess that is a record start gives the same rows; the parse checks
        // that each one is.
        var cutGuesses: (gridStart: Int, starts: [Int])? = nil

        while roundStart < dataEnd {
            let g: (start: Int, end: Int, parities: [Int])
            if speculating {
                let start = gridEnd <= roundStart && roundStart < gridEnd + roundBytes ? gridEnd : roundStart
                // Every segment taken to hold an even number of quotes.
                g = (start, start + min(dataEnd - start, roundBytes), [Int](repeating: 0, count: chunks))
            } else if let ahead = grid, ahead.start <= roundStart, roundStart < ahead.end {
                g = ahead
            } else {
                let end = roundStart + min(dataEnd - roundStart, roundBytes)
                g = (roundStart, end, segmentParities(data, from: roundStart, to: end, chunks: chunks, threads: threads))
            }
            let roundEnd = g.end
            gridEnd = g.end
            let speculative = speculating
            var splits = gridCuts(from: g.start, to: g.end, chunks: chunks)
            splits[0] = roundStart

            // Record starts at each cut (line numbers follow from the parse: each chunk reports
            // the newlines from its start to the next chunk's). The round starts outside quotes,
            // so the state at a cut is the parity of the quotes from the round start: the grid's
            // parity from its start, corrected by the bytes before roundStart (or, speculating,
            // taken to be even).
            var starts = [Int](repeating: roundStart, count: chunks + 1)
            var parity = !speculative && roundStart > g.start ? StructuralCounts.quoteParity(data, from: g.start, to: roundStart) : 0
            let guesses = speculative ? cutGuesses.flatMap { $0.gridStart == g.start ? $0.starts : nil } : nil
            for c in 1..<max(chunks, 1) {
                parity ^= g.parities[c - 1]
                // A record start at or past this cut is already known when the previous cut's
                // lies beyond it (a long record spans several chunks): no record starts between
                // the previous cut and its start, so none between this cut and it either.
                if starts[c - 1] >= splits[c] {
                    starts[c] = starts[c - 1]
                    continue
                }
                // Safe: guesses, when present, holds one start per cut 1..<chunks of this grid.
                let start = guesses?[c - 1]
                    ?? (speculative ? guessedRecordStart(data, at: splits[c]) : recordStart(data, at: splits[c], inside: parity == 1, dropping: file))
                starts[c] = max(start, starts[c - 1])
            }
            starts[chunks] = max(roundEnd, starts[chunks - 1])

            // The next round's grid, for which the workers compute one value per cut after the
            // chunks: exact, the quote parity of the segment before the cut; speculating, the
            // record start guessed at the cut.
            let nextStart = roundEnd, nextEnd = roundEnd + min(dataEnd - roundEnd, roundBytes)
            // Speculating, the same tasks guess the next round's record starts at its cuts instead.
            let cutTasks = nextEnd > nextStart ? chunks - 1 : 0
            // The last task releases the pages before this round (read by no one any more; the
            // round's first chunk starts at roundStart), so the main thread does not stall on it.
            let tasks = chunks + cutTasks + (file == nil ? 0 : 1)
            let releaseUpTo = roundStart
            let nextSplits = gridCuts(from: nextStart, to: nextEnd, chunks: chunks)
            let nextCutValues = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(chunks, 1))
            nextCutValues.initialize(repeating: 0)
            defer { nextCutValues.deallocate() }
            nonisolated(unsafe) let nextCutValuesOut = nextCutValues
            let nextSegments = nextSplits

            // Parse the chunks in parallel: each worker takes the next chunk until none is left.
            let outcomes = UnsafeMutableBufferPointer<ChunkParser.Outcome?>.allocate(capacity: chunks)
            outcomes.initialize(repeating: nil)
            defer {
                outcomes.deinitialize()
                outcomes.deallocate()
            }
            nonisolated(unsafe) let outcomesOut = outcomes
            let chunkStarts = starts
            let path = layout.file
            let keepQuarantined = listing.rowsLeft
            nextChunk.initialize(to: 0)
            nonisolated(unsafe) let counter = nextChunk
            DispatchQueue.concurrentPerform(iterations: threads) { worker in
                while true {
                    let c = lci_fetch_add(counter, 1)
                    if c >= tasks { return }
                    if c == chunks + cutTasks {
                        file?.release(upTo: releaseUpTo)
                        continue
                    }
                    if c >= chunks {
                        let segment = c - chunks
                        // Safe: segment is taken by exactly one worker, which alone writes element segment.
                        nextCutValuesOut[segment] = speculative
                            ? guessedRecordStart(data, at: nextSegments[segment + 1])
                            : StructuralCounts.quoteParity(data, from: nextSegments[segment], to: nextSegments[segment + 1])
                        continue
                    }
                    let start = chunkStarts[c], limit = chunkStarts[c + 1]
                    guard start < limit, start < dataEnd else { continue }
                    // Safe: chunk c is taken by exactly one worker, which alone writes element c.
                    outcomesOut[c] = parser.parse(data, start: start, limit: limit, isFinal: true, file: path,
                                                  keepQuarantined: keepQuarantined, dates: dateMemos[worker],
                                                  releaseBehind: file.map { f in { f.dropPages(from: start, to: $0) } }) { batch in
                        onBatch(worker, batch)
                    }
                }
            }

            // Check the boundaries, number the lines, report the round in file order.
            var roundAccounting = RowAccounting()
            var quarantined: [QuarantinedRow] = []
            var next = starts[chunks - 1]
            var line = lineAtRoundStart  // the line of chunk c's first record
            for c in 0..<chunks {
                guard let outcome = outcomes[c] else { continue }  // an empty chunk: no bytes, no lines
                if outcome.quotedNewline { speculating = false }
                if c < chunks - 1 && outcome.end != starts[c + 1] {
                    // Chunk c started at a record start (the round's start, or a start checked by
                    // chunk c − 1), so where it ended is one: the next chunk's guessed start was not.
                    if speculative {
                        throw ScanError(.speculationFailed, file: path, line: line,
                                        message: "a chunk cut fell inside a quoted field spanning lines",
                                        hint: "the scan runs again with exact cuts")
                    }
                    throw ScanError(.unreadableFile, file: path, line: line,
                                    message: "internal error: chunk \(c) ended at byte \(outcome.end), expected \(starts[c + 1])",
                                    hint: "please report this with the file; --threads 1 avoids parallel chunking")
                }
                roundAccounting = roundAccounting + outcome.accounting
                quarantined += outcome.listed(in: data, file: path, movedDown: line, listing: &listing)
                if c == chunks - 1 { next = outcome.end }
                line += outcome.newlines
            }
            let lineAtNext = line
            total = total + roundAccounting
            grid = cutTasks > 0 && !speculative ? (nextStart, nextEnd, Array(nextCutValues)) : nil
            cutGuesses = cutTasks > 0 && speculative ? (nextStart, Array(nextCutValues.prefix(chunks - 1))) : nil
            roundStart = next
            lineAtRoundStart = lineAtNext
            try afterRound(ScanRound(file: path, accounting: roundAccounting, quarantined: quarantined,
                                     bytesDone: min(roundStart, dataEnd), bytesTotal: dataEnd))
        }
        return total
    }

    /// The `chunks + 1` cut positions of `chunks` equal segments of `[from, to)`, both ends included.
    static func gridCuts(from: Int, to: Int, chunks: Int) -> [Int] {
        (0...chunks).map { from + (to - from) * $0 / chunks }
    }

    /// The quote parity of each of the first `chunks − 1` of `chunks` equal segments of
    /// `[from, to)` (the last segment needs none): every segment is split into `threads`
    /// pieces and worker w scans piece w of each (a quick scan that skips quote-free blocks);
    /// a segment's parity is the XOR of its pieces'.
    static func segmentParities(_ data: UnsafeRawBufferPointer, from: Int, to: Int, chunks: Int, threads: Int) -> [Int] {
        let cuts = chunks - 1
        var parities = [Int](repeating: 0, count: chunks)
        guard cuts > 0 else { return parities }
        let grid = gridCuts(from: from, to: to, chunks: chunks)
        let pieces = UnsafeMutableBufferPointer<Int>.allocate(capacity: cuts * threads)
        defer { pieces.deallocate() }
        nonisolated(unsafe) let piecesOut = pieces
        nonisolated(unsafe) let bytes = data
        DispatchQueue.concurrentPerform(iterations: threads) { w in
            for segment in 0..<cuts {
                let (a, b) = (grid[segment], grid[segment + 1])
                // Safe: each worker writes only its own elements segment · threads + w.
                piecesOut[segment * threads + w] = StructuralCounts.quoteParity(
                    bytes, from: a + (b - a) * w / threads, to: a + (b - a) * (w + 1) / threads)
            }
        }
        for segment in 0..<cuts {
            for w in 0..<threads { parities[segment] ^= pieces[segment * threads + w] }
        }
        return parities
    }

    /// Chunks per worker in a round: small enough that the round's end waits little for the
    /// slowest worker, large enough that a chunk's setup does not count (1 MiB chunks with
    /// the default 32 MiB `ScanOptions.chunkSize`).
    static let chunksPerWorker = 32

    /// The guessed record start at a speculative cut: the byte after the first newline at or
    /// after `position`, quotes ignored (or the end of the data). It is a record start unless a
    /// quoted field spanning lines crosses the cut, which the parse detects. Quotes must not be
    /// counted from the cut: a cut inside a quoted field on one line (a name such as
    /// `"상호, 본점"`) would invert the state, and the search would then see every later newline
    /// as quoted and run to the end of the data, so that one chunk took the rest of the file
    /// (found on a card-company-style dump in the fourteenth session: 2 threads slower than one,
    /// 600 MB resident for a 350 MB log).
    static func guessedRecordStart(_ data: UnsafeRawBufferPointer, at position: Int) -> Int {
        if position <= 0 || position >= data.count { return min(max(position, 0), data.count) }
        guard let base = data.baseAddress else { return data.count }
        // Safe: position - 1 and position..<data.count lie inside the buffer (checked above).
        if data[position - 1] == 0x0A { return position }
        guard let newline = memchr(base + position, 0x0A, data.count - position) else { return data.count }
        return base.distance(to: UnsafeRawPointer(newline)) + 1
    }

    /// The first record start at or after `position`, given whether `position` is inside quotes.
    /// A search that runs on (a quote left open: no record starts before the end of the file)
    /// drops the pages it has read from `file`'s mapping every `ChunkParser.releaseSpan` bytes.
    static func recordStart(_ data: UnsafeRawBufferPointer, at position: Int, inside: Bool, dropping file: MappedFile? = nil) -> Int {
        if position <= 0 || position >= data.count { return min(max(position, 0), data.count) }
        // A newline is not a quote, so the state before it equals the state at `position`.
        if data[position - 1] == 0x0A && !inside { return position }
        var inQuotes = inside
        var i = position
        while i < data.count {
            let stop = min(data.count, i + ChunkParser.releaseSpan)
            while i < stop {
                let b = data[i]
                if b == 0x22 {
                    inQuotes.toggle()
                } else if b == 0x0A && !inQuotes {
                    return i + 1
                }
                i += 1
            }
            file?.dropPages(from: position, to: i)
        }
        return data.count
    }
}

/// The quote parity of a byte range, 64 bytes at a time; blocks without a quote
/// (almost all of a typical log) cost one compare and one mask test per 16 bytes.
enum StructuralCounts {
    static func quoteParity(_ data: UnsafeRawBufferPointer, from: Int, to: Int) -> Int {
        guard from < to, let base = data.baseAddress else { return 0 }
        var quotes = 0
        var i = from
        while i + 64 <= to {
            // Safe: i + 64 ≤ to ≤ data.count.
            quotes &+= BlockMasks.quoteCount(base + i)
            i += 64
        }
        while i < to {
            if data[i] == 0x22 { quotes &+= 1 }
            i += 1
        }
        return quotes & 1
    }
}
