import CScanSupport
import Dispatch
import TransactionIO

/// The one pass over a transaction log: every file (CSV or gzip-compressed CSV,
/// detected by magic bytes) is parsed in parallel chunks and aggregated into
/// `ScanAggregates`, all files through the same accumulators (`LogAccumulators`);
/// quarantined rows go to `onQuarantine` in file order.
public struct LogScan {
    public var options: ScanOptions
    public var progress: ScanProgress?
    /// Consumer partitions per worker when set (tests); else `partitionsPerWorker(logBytes:)`.
    var partitionsPerWorker: Int?
    /// The fewest updates a consumer partition's flush applies when set (tests); else
    /// `ConsumerPartition.defaultMinimumFlush`.
    var minimumFlush: Int?
    /// Told when a file is scanned a second time: its guessed chunk cuts proved wrong (a quoted
    /// field spanning lines crossed a cut near `line`), so the scan started again with exact
    /// cuts. The results are exact either way; the scan read the file's first rounds twice.
    /// `lcimpact scan` prints it as a note, so a slow scan of such a log is explained.
    public var onRescan: ((_ file: String, _ line: Int64?) -> Void)?

    public init(options: ScanOptions = ScanOptions(), progress: ScanProgress? = nil) {
        self.options = options
        self.progress = progress
    }

    /// Scans `paths` (files, in order) into one set of aggregates, in one pass: every file
    /// goes through the same per-worker accumulators and consumer partitions (`LogAccumulators`).
    public func run(paths: [String], onQuarantine: (QuarantinedRow) -> Void = { _ in }) throws(ScanError) -> ScanAggregates {
        // One filter for the whole log: a row re-exported in another file is a duplicate too.
        let duplicates = options.dedupe ? DuplicateFilter() : nil
        var parts: [LogPart] = []
        for path in paths { parts.append(try part(path: path, duplicates: duplicates)) }
        let aggregates = try scan(parts, onQuarantine: onQuarantine)
        progress?.finish()
        return aggregates
    }

    /// Scans one file.
    public func run(path: String, onQuarantine: (QuarantinedRow) -> Void = { _ in }) throws(ScanError) -> ScanAggregates {
        try scan([part(path: path, duplicates: options.dedupe ? DuplicateFilter() : nil)], onQuarantine: onQuarantine)
    }

    /// A file of the log: gzip (detected by its magic bytes, streamed) or plain (mapped).
    func part(path: String, duplicates: DuplicateFilter?) throws(ScanError) -> LogPart {
        if GzipLogReader.isGzip(path: path) {
            return GzipLogScan(options: options, progress: progress).part(path: path, duplicates: duplicates)
        }
        // Opened once here for its size: a missing, unreadable or empty-named file of a log fails
        // before any file is scanned, with the message the scan would give.
        let size = try MappedFile(path: path).count
        let (options, progress) = (self.options, self.progress)
        return LogPart(file: path, textBytes: size) { speculate, onBatch, afterRound throws(ScanError) in
            let file = try MappedFile(path: path)
            let layout = try file.withBytes { (bytes) throws(ScanError) -> LogLayout in
                try LogLayout(bytes: bytes, file: path, options: options)
            }
            let accounting = try ParallelScanDriver.run(file: file, layout: layout, options: options, duplicates: duplicates,
                                                        speculativeCuts: speculate, onBatch: onBatch, afterRound: afterRound)
            progress?.finishFile(size: file.count)
            return (accounting, FileReadInfo(layout: layout, gzip: false))
        }
    }

    /// Runs one driver over a log of `logBytes` (tests, and `ScanAggregates.scan(bytes:…)`).
    func scan(
        file: String, logBytes: Int, onQuarantine: (QuarantinedRow) -> Void,
        driver: @escaping (Bool, @Sendable (Int, TransactionBatch) -> Void, (ScanRound) throws(ScanError) -> Void) throws(ScanError) -> RowAccounting
    ) throws(ScanError) -> ScanAggregates {
        try scan([LogPart(file: file, textBytes: logBytes) { speculate, onBatch, afterRound throws(ScanError) in
            (try driver(speculate, onBatch, afterRound), nil)
        }], onQuarantine: onQuarantine)
    }

    /// The pass over every part of a log with one `LogAccumulators`.
    ///
    /// The drivers first guess their chunk cuts (`speculate`, see `ParallelScanDriver`). When a
    /// guess proves wrong in some file (a record spanning lines crossed a cut before the driver
    /// had seen one), the rows of that file's earlier rounds are already in the accumulators, so
    /// the whole log is scanned again from new ones, with exact cuts from that file on (the
    /// files before it guess right again; the files of one export tend to look alike).
    /// Quarantined rows already reported are not reported twice: rows come in file order, and
    /// in line order within a file. A `--dedupe` scan never starts over: it runs on one worker,
    /// which never guesses cuts, so its one `DuplicateFilter` sees each row once.
    /// Quarantined rows are listed to `onQuarantine` as `options.quarantineListing` says, over
    /// the whole log (each file's driver lists its own first rows; this keeps the log's).
    func scan(_ parts: [LogPart], onQuarantine: (QuarantinedRow) -> Void) throws(ScanError) -> ScanAggregates {
        var listing = options.quarantineListing
        var reportedThrough = (part: -1, line: Int64(0))
        var exactFrom = parts.count
        var current = 0
        do {
            return try scanOnce(parts, exactFrom: exactFrom, current: &current, onQuarantine: { part, row in
                guard listing.admit(rawBytes: row.raw.count) else { return }
                reportedThrough = (part, row.line)
                onQuarantine(row)
            })
        } catch where error.code == .speculationFailed {
            onRescan?(error.file, error.line)
            exactFrom = current
            progress?.restart()
            return try scanOnce(parts, exactFrom: exactFrom, current: &current, onQuarantine: { part, row in
                if part > reportedThrough.part || (part == reportedThrough.part && row.line > reportedThrough.line),
                   listing.admit(rawBytes: row.raw.count) { onQuarantine(row) }
            })
        }
    }

    /// Consumer partitions per worker (each a shard of the result's consumer table) for a log
    /// of `logBytes`: one per 16 MiB of log, at most 64. Small partitions keep a flush of
    /// waiting updates in cache (see `ConsumerPartition`); on the 32 M-row log (2.8 GB,
    /// 800,000 consumers) 16–256 per worker measured alike within noise. A small log gets
    /// few, so that it does not pay for many empty tables.
    static func partitionsPerWorker(logBytes: Int) -> Int { min(64, max(1, logBytes >> 24)) }

    private func scanOnce(
        _ parts: [LogPart], exactFrom: Int, current: inout Int, onQuarantine: (Int, QuarantinedRow) -> Void
    ) throws(ScanError) -> ScanAggregates {
        var logBytes = 0
        for part in parts { logBytes = logBytes.addingReportingOverflow(part.textBytes).overflow ? Int.max : logBytes + part.textBytes }
        let workers = options.dedupe ? 1 : options.threads
        let state = LogAccumulators(
            workers: workers, partitionsPerWorker: max(1, partitionsPerWorker ?? Self.partitionsPerWorker(logBytes: logBytes)),
            minimumFlush: minimumFlush ?? ConsumerPartition.defaultMinimumFlush)
        var aggregates = ScanAggregates()
        aggregates.duplicatesChecked = options.dedupe
        let limit = options.maxBadRows
        let progress = self.progress
        for (index, part) in parts.enumerated() {
            current = index
            var soFar = RowAccounting()
            let regions = options.regions
            let (accounting, readInfo) = try part.run(index < exactFrom, { worker, batch in
                if !regions.isIdentity { regions.apply(to: batch) }
                state.add(batch, worker: worker)
            }, { (round: ScanRound) throws(ScanError) in
                state.consumerPhase(force: false)
                for row in round.quarantined { onQuarantine(index, row) }
                soFar = soFar + round.accounting
                progress?.update(fileBytesDone: round.bytesDone)
                if let limit, BadRowPolicy.exceeded(limit, soFar, final: false) {
                    throw BadRowPolicy.error(limit, soFar, file: round.file, line: round.quarantined.last?.line)
                }
            })
            if let limit, BadRowPolicy.exceeded(limit, accounting, final: true) {
                throw BadRowPolicy.error(limit, accounting, file: part.file, line: nil)
            }
            aggregates.record(accounting, file: part.file)
            if let readInfo { aggregates.filesRead[part.file] = readInfo }
        }
        state.finish(into: &aggregates)
        return aggregates
    }
}
