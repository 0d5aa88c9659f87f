import TransactionIO

/// Scans one gzip-compressed log (see `GzipScanDriver`) into aggregates.
struct GzipLogScan {
    let options: ScanOptions
    let progress: ScanProgress?

    func run(path: String, duplicates: DuplicateFilter?, onQuarantine: (QuarantinedRow) -> Void) throws(ScanError) -> ScanAggregates {
        var layout: LogLayout?
        let compressedSize = (try? MappedFile(path: path).count) ?? 0
        // The log's text size is unknown until it is read; CSV logs compress about 3–6×.
        var aggregates = try LogScan(options: options, progress: progress).scan(
            file: path, logBytes: compressedSize.multipliedReportingOverflow(by: 4).overflow ? Int.max : compressedSize * 4,
            onQuarantine: onQuarantine) {
            _, onBatch, afterRound throws(ScanError) in  // streamed: cuts are always exact
            try GzipScanDriver.run(path: path, options: options, duplicates: duplicates, onLayout: { layout = $0 }, onBatch: onBatch, afterRound: afterRound)
        }
        progress?.finishFile(size: compressedSize)
        if let layout { aggregates.filesRead[path] = FileReadInfo(layout: layout, gzip: true) }
        return aggregates
    }
}
