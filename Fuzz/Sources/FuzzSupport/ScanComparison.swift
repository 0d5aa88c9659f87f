import LocalCurrencyImpact

/// The differential check behind the scan fuzz targets: the parallel SIMD scan
/// (`ScanAggregates.scan(bytes:…)`) and the single-threaded reference scan
/// (`ScanAggregates.referenceScan(bytes:…)`) must agree exactly on every input —
/// the same error, or the same accounting, aggregates and quarantined rows
/// (file, line, column, reason, raw bytes) in the same order. Any difference aborts.
public enum ScanComparison {
    /// What one scan produced.
    enum Outcome {
        case failed(ScanError)
        case scanned(ScanAggregates, [QuarantinedRow])
    }

    /// Runs both scans over `bytes` with `options` and aborts on any difference or
    /// broken invariant. Returns the reference aggregates when the scan succeeded.
    @discardableResult
    public static func check(_ bytes: [UInt8], options: ScanOptions, file: String = "fuzz.csv") -> ScanAggregates? {
        let fast = run(bytes) { raw, quarantine throws(ScanError) in
            try ScanAggregates.scan(bytes: raw, file: file, options: options, onQuarantine: quarantine)
        }
        let reference = run(bytes) { raw, quarantine throws(ScanError) in
            try ScanAggregates.referenceScan(bytes: raw, file: file, options: options, onQuarantine: quarantine)
        }
        let setting = "threads \(options.threads), chunk \(options.chunkSize), batch \(options.batchSize)"
        switch (fast, reference) {
        case (.failed(let a), .failed(let b)):
            FuzzCheck.require(a.description == b.description, "errors differ (\(setting)): fast '\(a)' vs reference '\(b)'")
            FuzzCheck.require(a.file == file && !a.hint.isEmpty, "error without file or hint: \(a)")
            return nil
        case (.failed(let a), .scanned):
            FuzzCheck.fail("fast scan failed but reference succeeded (\(setting)): \(a)")
        case (.scanned, .failed(let b)):
            FuzzCheck.fail("reference scan failed but fast succeeded (\(setting)): \(b)")
        case (.scanned(let a, let aBad), .scanned(let b, let bBad)):
            FuzzCheck.require(a.rowsByFile == b.rowsByFile, "row accounting differs (\(setting)): \(a.rowsByFile) vs \(b.rowsByFile)")
            FuzzCheck.require(a.spending == b.spending, "spending differs (\(setting))")
            FuzzCheck.require(a.flows == b.flows, "flows differ (\(setting))")
            FuzzCheck.require(a.merchants == b.merchants, "merchants differ (\(setting))")
            FuzzCheck.require(a.consumers == b.consumers, "consumers differ (\(setting))")
            FuzzCheck.require(aBad.count == bBad.count, "quarantined row counts differ (\(setting)): \(aBad.count) vs \(bBad.count)")
            for (x, y) in zip(aBad, bBad) {
                FuzzCheck.require(x == y, "quarantined rows differ (\(setting)): fast \(x.line):\(x.column ?? 0) \(x.reason) vs reference \(y.line):\(y.column ?? 0) \(y.reason)")
            }
            let rows = b.rows
            FuzzCheck.require(rows.read == rows.accepted + rows.quarantined, "read \(rows.read) ≠ accepted \(rows.accepted) + quarantined \(rows.quarantined)")
            FuzzCheck.require(Int64(bBad.count) == rows.quarantined, "\(bBad.count) quarantined rows reported, accounting says \(rows.quarantined)")
            let lines = Int64(bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }) + 1
            for row in bBad {
                FuzzCheck.require(row.line >= 1 && row.line <= lines, "quarantined row line \(row.line) outside 1…\(lines)")
                FuzzCheck.require(row.file == file, "quarantined row names file \(row.file)")
            }
            return b
        }
    }

    /// Runs one scan over a private copy of `bytes`, collecting quarantined rows.
    static func run(
        _ bytes: [UInt8],
        _ scan: (UnsafeRawBufferPointer, (QuarantinedRow) -> Void) throws(ScanError) -> ScanAggregates
    ) -> Outcome {
        // An exact-size allocation, so AddressSanitizer catches a read one byte past the end.
        let raw = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
        defer { raw.deallocate() }
        raw.copyBytes(from: bytes)
        // Safe: the view covers exactly the bytes copied in.
        let view = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(raw)[0..<bytes.count])
        var quarantined: [QuarantinedRow] = []
        do {
            let aggregates = try scan(view) { quarantined.append($0) }
            return .scanned(aggregates, quarantined)
        } catch {
            return .failed(error)
        }
    }
}
