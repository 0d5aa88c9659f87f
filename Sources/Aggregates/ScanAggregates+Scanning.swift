import TransactionIO

extension ScanAggregates {
    /// Scans one file (CSV or gzip) into new aggregates. Quarantined rows go to `onQuarantine`.
    public static func scan(
        path: String, options: ScanOptions = ScanOptions(),
        onQuarantine: (QuarantinedRow) -> Void = { _ in }
    ) throws(ScanError) -> ScanAggregates {
        try LogScan(options: options).run(path: path, onQuarantine: onQuarantine)
    }

    /// Scans in-memory bytes of one whole file (header first) with the parallel
    /// engine — the same code path as a file, for tests and embedding.
    public static func scan(
        bytes: UnsafeRawBufferPointer, file: String, options: ScanOptions = ScanOptions(),
        onQuarantine: (QuarantinedRow) -> Void = { _ in }
    ) throws(ScanError) -> ScanAggregates {
        try scan(bytes: bytes, file: file, options: options, partitionsPerWorker: nil, minimumFlush: nil, onQuarantine: onQuarantine)
    }

    /// The same with `partitionsPerWorker` consumer partitions per worker and flushes of at
    /// least `minimumFlush` updates (tests: many partitions, flushing in the middle of a small
    /// log), or the scan's choices where nil.
    static func scan(
        bytes: UnsafeRawBufferPointer, file: String, options: ScanOptions, partitionsPerWorker: Int?, minimumFlush: Int?,
        onQuarantine: (QuarantinedRow) -> Void
    ) throws(ScanError) -> ScanAggregates {
        let layout = try LogLayout(bytes: bytes, file: file, options: options)
        var logScan = LogScan(options: options)
        logScan.partitionsPerWorker = partitionsPerWorker
        logScan.minimumFlush = minimumFlush
        var aggregates = try logScan.scan(file: layout.file, logBytes: bytes.count, onQuarantine: onQuarantine) {
            speculate, onBatch, afterRound throws(ScanError) in
            try ParallelScanDriver.run(bytes: bytes, layout: layout, options: options,
                                       duplicates: options.dedupe ? DuplicateFilter() : nil, speculativeCuts: speculate,
                                       onBatch: onBatch, afterRound: afterRound)
        }
        aggregates.filesRead[file] = FileReadInfo(layout: layout, gzip: false)
        aggregates.duplicatesChecked = options.dedupe
        return aggregates
    }

    /// Scans with the single-threaded reference scanner (for differential tests).
    public static func referenceScan(
        bytes: UnsafeRawBufferPointer, file: String, options: ScanOptions = ScanOptions(),
        onQuarantine: (QuarantinedRow) -> Void = { _ in }
    ) throws(ScanError) -> ScanAggregates {
        var aggregates = ScanAggregates()
        let accounting = try ReferenceLogScanner.scan(
            bytes: bytes, file: file, options: options,
            onBatch: { batch in
                if !options.regions.isIdentity { options.regions.apply(to: batch) }
                aggregates.add(batch)
            }, onQuarantine: onQuarantine)
        aggregates.record(accounting, file: file)
        aggregates.duplicatesChecked = options.dedupe
        return aggregates
    }
}
