import FuzzSupport
import LocalCurrencyImpact

/// Fuzz target: gzip-compressed logs through the streaming gzip driver. Input = 4
/// configuration bytes, then a whole log. The log is wrapped in a gzip member made of
/// stored (uncompressed) deflate blocks of 1–256 bytes (config byte 1), possibly split
/// into two concatenated members (byte 2); then:
/// - modes 0–3 (config byte 0 & 7): the valid file must scan exactly like the plain bytes
///   (the same aggregates and quarantined rows, or both fail);
/// - modes 4–7: one byte of the file is overwritten (position from bytes 2–3): the scan may
///   fail, but with a located error and a hint, and if it finishes its accounting holds.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGzip(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    let log = input.payload(skipping: 4)
    let blockSize = 1 + Int(input.config(1))
    let split = Int(input.config(2)) % (log.count + 1)
    var gz = input.config(2) & 1 == 1 && log.count > 1
        ? GzipWriter.member(Array(log[..<split]), blockSize: blockSize) + GzipWriter.member(Array(log[split...]), blockSize: blockSize)
        : GzipWriter.member(log, blockSize: blockSize)
    let corrupt = input.config(0) & 4 != 0
    if corrupt {
        let position = (Int(input.config(2)) << 8 | Int(input.config(3))) % gz.count
        gz[position] ^= 1 | input.config(3)
    }
    scratch.write(gz)
    let options = ScanOptions(threads: 1)
    var gzipBad: [QuarantinedRow] = []
    let gzipResult = Result { () throws(ScanError) -> ScanAggregates in
        try LogScan(options: options).run(paths: [scratch.path]) { gzipBad.append($0) }
    }
    if corrupt {
        switch gzipResult {
        case .failure(let error):
            FuzzCheck.require(!error.hint.isEmpty && error.file == scratch.path, "corrupt gzip: error without file or hint: \(error)")
        case .success(let a):
            let rows = a.rows
            FuzzCheck.require(rows.read == rows.accepted + rows.quarantined, "corrupt gzip: accounting broken")
            FuzzCheck.require(Int64(gzipBad.count) == rows.quarantined, "corrupt gzip: quarantined rows do not match the accounting")
        }
        return 0
    }
    var plainBad: [QuarantinedRow] = []
    // Array.withUnsafeBytes rethrows untyped errors: the result is built inside it.
    let plainResult: Result<ScanAggregates, ScanError> = log.withUnsafeBytes { raw in
        Result { () throws(ScanError) -> ScanAggregates in
            try ScanAggregates.referenceScan(bytes: raw, file: scratch.path, options: options) { plainBad.append($0) }
        }
    }
    switch (gzipResult, plainResult) {
    case (.failure(let a), .failure):
        FuzzCheck.require(!a.hint.isEmpty, "gzip error without a hint: \(a)")
    case (.success(let a), .success(let b)):
        FuzzCheck.require(a.rowsByFile == b.rowsByFile, "gzip: row accounting differs from the plain scan")
        FuzzCheck.require(a.spending == b.spending && a.flows == b.flows && a.merchants == b.merchants, "gzip: aggregates differ")
        FuzzCheck.require(a.consumers == b.consumers, "gzip: consumers differ")
        FuzzCheck.require(gzipBad == plainBad, "gzip: quarantined rows differ (\(gzipBad.count) vs \(plainBad.count))")
    case (.failure(let a), .success):
        FuzzCheck.fail("the gzip scan failed where the plain scan did not: \(a)")
    case (.success, .failure(let b)):
        FuzzCheck.fail("the plain scan failed where the gzip scan did not: \(b)")
    }
    return 0
}

nonisolated(unsafe) let scratch = ScratchFile(name: "log.csv.gz")  // one input at a time, one thread

/// Valid gzip members (RFC 1952) holding stored deflate blocks (RFC 1951 §3.2.4), so the
/// target controls block boundaries without a compressor.
enum GzipWriter {
    static func member(_ bytes: [UInt8], blockSize: Int) -> [UInt8] {
        var out: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3]
        var k = 0
        repeat {
            let n = min(blockSize, bytes.count - k)
            let final: UInt8 = k + n >= bytes.count ? 1 : 0
            out += [final, UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8((~n >> 8) & 0xFF)]
            out += bytes[k..<(k + n)]
            k += n
        } while k < bytes.count
        let crc = crc32(bytes)
        for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8(truncatingIfNeeded: crc >> UInt32(shift))) }
        for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8(truncatingIfNeeded: UInt32(truncatingIfNeeded: bytes.count) >> UInt32(shift))) }
        return out
    }

    /// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), bit by bit.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            crc ^= UInt32(b)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}

/// The entry point: libFuzzer's driver with `fuzzGzip`.
@main
enum FuzzGzipMain {
    static func main() { FuzzDriver.run(fuzzGzip) }
}
