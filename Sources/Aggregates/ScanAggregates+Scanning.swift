import TransactionIO

extension ScanAggregates {
    /// Scans one file into new aggregates. Quarantined rows go to `onQuarantine`.
    public static func scan(
        path: String, options: ScanOptions = ScanOptions(),
        onQuarantine: (QuarantinedRow) -> Void = { _ in }
    ) throws(ScanError) -> ScanAggregates {
        var aggregates = ScanAggregates()
        let accounting = try TransactionLogScanner.scan(
            path: path, options: options, onBatch: { aggregates.add($0) }, onQuarantine: onQuarantine)
        aggregates.record(accounting, file: path)
        return aggregates
    }

    /// Scans in-memory bytes of one whole file (header first) into new aggregates.
    public static func scan(
        bytes: UnsafeRawBufferPointer, file: String, options: ScanOptions = ScanOptions(),
        onQuarantine: (QuarantinedRow) -> Void = { _ in }
    ) throws(ScanError) -> ScanAggregates {
        var aggregates = ScanAggregates()
        let accounting = try TransactionLogScanner.scan(
            bytes: bytes, file: file, options: options, onBatch: { aggregates.add($0) }, onQuarantine: onQuarantine)
        aggregates.record(accounting, file: file)
        return aggregates
    }
}
