import FuzzSupport
import LocalCurrencyImpact

/// Fuzz target: the transaction-log parser. Input = 4 configuration bytes
/// (threads 1–3, chunk size 1–1024 bytes, batch size 1–16, encoding auto/utf8/cp949)
/// followed by a whole log (header first). The parallel SIMD scan must equal the
/// reference scan exactly (see `ScanComparison`), and the scan report renders.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScan(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    let threads = 1 + Int(input.config(0) % 3)
    let chunk = 1 + (Int(input.config(1)) << 2 | Int(input.config(2) & 3))
    let batch = 1 + Int(input.config(3) & 15)
    let encoding: TextEncoding? = [nil, .utf8, .cp949, nil][Int(input.config(3) >> 4) & 3]
    let options = ScanOptions(batchSize: batch, encoding: encoding, chunkSize: chunk, threads: threads)
    if let aggregates = ScanComparison.check(input.payload(skipping: 4), options: options) {
        // What `lcimpact scan` prints next.
        for format in [OutputFormat.json, .csv] { _ = ScanReport(aggregates: aggregates).render(format) }
        _ = ScanReport(aggregates: aggregates).render(.table)
    }
    return 0
}

/// The entry point: libFuzzer's driver with `fuzzScan`.
@main
enum FuzzScanMain {
    static func main() { FuzzDriver.run(fuzzScan) }
}
