import TransactionIO

/// One gzip-compressed file of a log (see `GzipScanDriver`), as a `LogPart`.
struct GzipLogScan {
    let options: ScanOptions
    let progress: ScanProgress?

    func part(path: String, duplicates: DuplicateFilter?) -> LogPart {
        let compressedSize = (try? MappedFile(path: path).count) ?? 0
        let (options, progress) = (self.options, self.progress)
        // The log's text size is unknown until it is read; CSV logs compress about 3–6×.
        let textBytes = compressedSize.multipliedReportingOverflow(by: 4).overflow ? Int.max : compressedSize * 4
        return LogPart(file: path, textBytes: textBytes) { _, onBatch, afterRound throws(ScanError) in  // streamed: cuts are always exact
            var layout: LogLayout?
            let accounting = try GzipScanDriver.run(path: path, options: options, duplicates: duplicates, onLayout: { layout = $0 },
                                                    onBatch: onBatch, afterRound: afterRound)
            progress?.finishFile(size: compressedSize)
            return (accounting, layout.map { FileReadInfo(layout: $0, gzip: true) })
        }
    }
}
