import LocalCurrencyImpact

/// Scans in-memory logs with the parallel engine or the reference scanner, collecting
/// quarantined rows, and compares what two scans computed.
enum ScanHarness {
    /// The parallel scan (`ScanAggregates.scan(bytes:…)`).
    static func fast(_ bytes: [UInt8], file: String = "log.csv", options: ScanOptions = ScanOptions()) throws(ScanError) -> (ScanAggregates, [QuarantinedRow]) {
        try run(bytes) { raw, quarantine throws(ScanError) in
            try ScanAggregates.scan(bytes: raw, file: file, options: options, onQuarantine: quarantine)
        }
    }

    /// The single-threaded reference scan (`ScanAggregates.referenceScan(bytes:…)`).
    static func reference(_ bytes: [UInt8], file: String = "log.csv", options: ScanOptions = ScanOptions()) throws(ScanError) -> (ScanAggregates, [QuarantinedRow]) {
        try run(bytes) { raw, quarantine throws(ScanError) in
            try ScanAggregates.referenceScan(bytes: raw, file: file, options: options, onQuarantine: quarantine)
        }
    }

    /// Both scans: the parallel one's result, and whether the reference scan agrees
    /// with it exactly (aggregates and quarantined rows).
    static func both(_ bytes: [UInt8], file: String = "log.csv", options: ScanOptions = ScanOptions()) throws(ScanError) -> (aggregates: ScanAggregates, quarantined: [QuarantinedRow], agree: Bool) {
        let a = try fast(bytes, file: file, options: options)
        let b = try reference(bytes, file: file, options: options)
        return (a.0, a.1, same(a.0, b.0) && a.1 == b.1)
    }

    /// Equal in everything a scan computes (how files were read aside).
    static func same(_ a: ScanAggregates, _ b: ScanAggregates) -> Bool {
        a.rowsByFile == b.rowsByFile && a.spending == b.spending && a.flows == b.flows && a.merchants == b.merchants
            && a.consumers == b.consumers
    }

    /// Equal in spending, flows, merchants and consumers, and in total row accounting
    /// (for scans of the same rows under different file names).
    static func sameTotals(_ a: ScanAggregates, _ b: ScanAggregates) -> Bool {
        a.rows == b.rows && a.spending == b.spending && a.flows == b.flows && a.merchants == b.merchants
            && a.consumers == b.consumers
    }

    private static func run(
        _ bytes: [UInt8],
        _ scan: (UnsafeRawBufferPointer, (QuarantinedRow) -> Void) throws(ScanError) -> ScanAggregates
    ) throws(ScanError) -> (ScanAggregates, [QuarantinedRow]) {
        // Array.withUnsafeBytes rethrows untyped errors; a scratch buffer keeps `throws(ScanError)`.
        let raw = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        defer { raw.deallocate() }
        raw.copyBytes(from: bytes)
        // Safe: the view covers exactly the bytes copied in.
        let view = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(raw)[0..<bytes.count])
        var quarantined: [QuarantinedRow] = []
        let aggregates = try scan(view) { quarantined.append($0) }
        return (aggregates, quarantined)
    }
}
