import CScanSupport
import Dispatch
import TransactionIO

/// The one pass over a transaction log: every file (CSV or gzip-compressed CSV,
/// detected by magic bytes) is parsed in parallel chunks and aggregated into
/// `ScanAggregates`; quarantined rows go to `onQuarantine` in file order.
///
/// Consumer features are partitioned by consumer across workers (each consumer
/// lives in exactly one partition), so memory holds each consumer once, whatever
/// the thread count.
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

    /// Scans `paths` (files, in order) into one set of aggregates.
    public func run(paths: [String], onQuarantine: (QuarantinedRow) -> Void = { _ in }) throws(ScanError) -> ScanAggregates {
        var total = ScanAggregates()
        total.duplicatesChecked = options.dedupe
        // One filter for the whole log: a row re-exported in another file is a duplicate too.
        let duplicates = options.dedupe ? DuplicateFilter() : nil
        for path in paths {
            total.merge(try run(path: path, duplicates: duplicates, onQuarantine: onQuarantine))
        }
        progress?.finish()
        return total
    }

    /// Scans one file.
    public func run(path: String, onQuarantine: (QuarantinedRow) -> Void = { _ in }) throws(ScanError) -> ScanAggregates {
        try run(path: path, duplicates: options.dedupe ? DuplicateFilter() : nil, onQuarantine: onQuarantine)
    }

    func run(path: String, duplicates: DuplicateFilter?, onQuarantine: (QuarantinedRow) -> Void) throws(ScanError) -> ScanAggregates {
        if GzipLogReader.isGzip(path: path) {
            var a = try GzipLogScan(options: options, progress: progress).run(path: path, duplicates: duplicates, onQuarantine: onQuarantine)
            a.duplicatesChecked = options.dedupe
            return a
        }
        let file = try MappedFile(path: path)
        let layout = try file.withBytes { (bytes) throws(ScanError) -> LogLayout in
            try LogLayout(bytes: bytes, file: path, options: options)
        }
        var aggregates = try scan(file: layout.file, logBytes: file.count, onQuarantine: onQuarantine) {
            speculate, onBatch, afterRound throws(ScanError) in
            try ParallelScanDriver.run(file: file, layout: layout, options: options, duplicates: duplicates,
                                       speculativeCuts: speculate, onBatch: onBatch, afterRound: afterRound)
        }
        aggregates.duplicatesChecked = options.dedupe
        progress?.finishFile(size: file.count)
        aggregates.filesRead[path] = FileReadInfo(layout: layout, gzip: false)
        return aggregates
    }

    /// Runs a driver with per-worker accumulators and consumer partitions.
    /// `logBytes`: the size of the log as text (an estimate is enough; it sets the number of
    /// consumer partitions, `partitionsPerWorker`).
    ///
    /// The driver first guesses its chunk cuts (`speculate`, see `ParallelScanDriver`); when
    /// a guess proves wrong (a record spanning lines crossed a cut before the driver had seen
    /// one) the file is scanned again from new aggregates with exact cuts. Quarantined rows
    /// of the rounds already reported are not reported twice (rows come in file order, so the
    /// second scan reports only rows past the last line reported).
    func scan(
        file: String, logBytes: Int, onQuarantine: (QuarantinedRow) -> Void,
        driver: (Bool, @Sendable (Int, TransactionBatch) -> Void, (ScanRound) throws(ScanError) -> Void) throws(ScanError) -> RowAccounting
    ) throws(ScanError) -> ScanAggregates {
        var reportedThrough: Int64 = 0
        do {
            return try scanOnce(file: file, logBytes: logBytes, speculate: true, onQuarantine: { row in
                reportedThrough = row.line
                onQuarantine(row)
            }, driver: driver)
        } catch where error.code == .speculationFailed {
            onRescan?(file, error.line)
            return try scanOnce(file: file, logBytes: logBytes, speculate: false, onQuarantine: { row in
                if row.line > reportedThrough { onQuarantine(row) }
            }, driver: driver)
        }
    }

    private func scanOnce(
        file: String, logBytes: Int, speculate: Bool, onQuarantine: (QuarantinedRow) -> Void,
        driver: (Bool, @Sendable (Int, TransactionBatch) -> Void, (ScanRound) throws(ScanError) -> Void) throws(ScanError) -> RowAccounting
    ) throws(ScanError) -> ScanAggregates {
        // The round callback must call `onQuarantine`; it never outlives this call.
        let result: Result<ScanAggregates, ScanError> = withoutActuallyEscaping(onQuarantine) { quarantine in
            do {
                return .success(try scanEscaping(file: file, logBytes: logBytes, speculate: speculate, onQuarantine: quarantine, driver: driver))
            } catch let error as ScanError {
                return .failure(error)
            } catch {
                // Unreachable: scanEscaping throws only ScanError.
                return .failure(ScanError(.unreadableFile, file: file, message: "\(error)", hint: "please report this"))
            }
        }
        return try result.get()
    }

    /// Consumer partitions per worker (each a shard of the result's consumer table) for a log
    /// of `logBytes`: one per 16 MiB of log, at most 64. Small partitions keep a flush of
    /// waiting updates in cache (see `ConsumerPartition`); on the 32 M-row log (2.8 GB,
    /// 800,000 consumers) 16–256 per worker measured alike within noise. A small log gets
    /// few, so that it does not pay for many empty tables.
    static func partitionsPerWorker(logBytes: Int) -> Int { min(64, max(1, logBytes >> 24)) }

    private func scanEscaping(
        file: String, logBytes: Int, speculate: Bool, onQuarantine: @escaping (QuarantinedRow) -> Void,
        driver: (Bool, @Sendable (Int, TransactionBatch) -> Void, (ScanRound) throws(ScanError) -> Void) throws(ScanError) -> RowAccounting
    ) throws(ScanError) -> ScanAggregates {
        let workers = options.dedupe ? 1 : options.threads
        let perWorker = max(1, partitionsPerWorker ?? Self.partitionsPerWorker(logBytes: logBytes))
        let partitionCount = workers * perWorker
        let minimumFlush = self.minimumFlush ?? ConsumerPartition.defaultMinimumFlush
        let partitions = (0..<partitionCount).map { ConsumerPartition(index: $0, minimumFlush: minimumFlush) }
        let accumulators = (0..<workers).map { _ in ChunkAccumulator(partitions: partitionCount) }
        // Consumer phase: the workers take partitions in turn from a shared counter (so the
        // phase ends when the work does, however unevenly it falls on partitions) and flush
        // those that have enough updates waiting (`force`: all of them).
        let nextPartition = UnsafeMutablePointer<Int>.allocate(capacity: 1)
        defer { nextPartition.deallocate() }
        func consumerPhase(force: Bool) {
            nextPartition.pointee = 0
            nonisolated(unsafe) let counter = nextPartition
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while true {
                    let p = lci_fetch_add(counter, 1)
                    if p >= partitionCount { return }
                    partitions[p].flush(from: accumulators, force: force)
                }
            }
        }
        var soFar = RowAccounting()
        let limit = options.maxBadRows
        let progress = self.progress

        let accounting = try driver(speculate, { worker, batch in
            accumulators[worker].add(batch)
        }, { (round: ScanRound) throws(ScanError) in
            consumerPhase(force: false)
            for row in round.quarantined { onQuarantine(row) }
            soFar = soFar + round.accounting
            progress?.update(fileBytesDone: round.bytesDone)
            if let limit, BadRowPolicy.exceeded(limit, soFar, final: false) {
                throw BadRowPolicy.error(limit, soFar, file: round.file, line: round.quarantined.last?.line)
            }
        })
        if let limit, BadRowPolicy.exceeded(limit, accounting, final: true) {
            throw BadRowPolicy.error(limit, accounting, file: file, line: nil)
        }
        consumerPhase(force: true)
        var aggregates = ScanAggregates()
        aggregates.record(accounting, file: file)
        ChunkAccumulator.drain(accumulators, into: &aggregates)
        // The partitions become the table's shards as they are (no records copied): partition p
        // holds exactly the keys that ConsumerTable.shard(of:count:) sends to p.
        var shards: [ConsumerStorage] = []
        for partition in partitions {
            shards.append(partition.table.shards[0])
            partition.table = ConsumerTable()
        }
        aggregates.consumers = ConsumerTable(shards: shards)
        return aggregates
    }
}
