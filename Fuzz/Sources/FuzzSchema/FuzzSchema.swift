import FuzzSupport
import LocalCurrencyImpact

/// The mapping file, rewritten for each input.
let mappingFile = ScratchFile(name: "mapping.csv")

/// Fuzz target: schema mapping. Input = 1 configuration byte (threads, chunk size),
/// then a mapping file (`canonical,source` lines, `approved_values`, `cancel_values`),
/// a NUL byte, and a log whose header the mapping is applied to (without a NUL the
/// whole payload is the log, scanned with the default mapping). Every line of the
/// mapping is also tried as a `--column` assignment. Checks: the mapping either
/// loads or fails with a `badMapping` error naming the file and line; a header
/// either maps (every required column found, every index inside the header) or
/// fails with a `missingColumns`/`emptyFile` error; and the scan under the
/// mapping equals the reference scan.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSchema(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    let (first, second) = FuzzInput.splitAtNUL(input.payload(skipping: 1))
    var mapping = SchemaMapping()
    let log: [UInt8]
    if let second {
        log = second
        mappingFile.write(first)
        do {
            mapping = try SchemaMapping.load(path: mappingFile.path)
        } catch {
            FuzzCheck.require(error.code == .badMapping, "mapping file error has code \(error.code)")
            FuzzCheck.require(error.file == mappingFile.path && (error.line ?? 0) >= 1, "mapping error without location: \(error)")
            return 0
        }
        var assigned = SchemaMapping()
        for line in String(decoding: first, as: UTF8.self).split(separator: "\n") {
            do {
                try assigned.apply(assignment: String(line))
            } catch {
                FuzzCheck.require(error.code == .badMapping && error.file == "--column", "--column error: \(error)")
            }
        }
    } else {
        log = first
    }
    let options = ScanOptions(mapping: mapping, chunkSize: 1 + Int(input.config(0) >> 2) * 4, threads: 1 + Int(input.config(0) & 1))

    let raw = UnsafeMutableRawBufferPointer.allocate(byteCount: max(log.count, 1), alignment: 1)
    defer { raw.deallocate() }
    raw.copyBytes(from: log)
    // Safe: the view covers exactly the bytes copied in.
    let view = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(raw)[0..<log.count])
    do {
        let layout = try LogLayout(bytes: view, file: "fuzz.csv", options: options)
        let schema = layout.schema
        for column in CanonicalColumn.required where column != .timestamp {
            FuzzCheck.require(schema.fieldIndex[column] != nil, "required column \(column) unmapped without an error")
        }
        // ts, or a timestamp split over date and time columns (never both, never half of a split).
        let split = schema.fieldIndex[.date] != nil && schema.fieldIndex[.time] != nil
        FuzzCheck.require((schema.fieldIndex[.timestamp] != nil) != split, "ts and date/time: \(schema.fieldIndex)")
        FuzzCheck.require((schema.fieldIndex[.date] != nil) == (schema.fieldIndex[.time] != nil), "half a split timestamp: \(schema.fieldIndex)")
        for (column, index) in schema.fieldIndex {
            FuzzCheck.require(index >= 0 && index < schema.fieldCount, "\(column) maps to field \(index) of \(schema.fieldCount)")
        }
        FuzzCheck.require(schema.fieldCount == layout.header.count, "field count \(schema.fieldCount) ≠ header \(layout.header.count)")
        FuzzCheck.require(layout.dataStart <= log.count && layout.firstDataLine >= 1, "data start \(layout.dataStart) / line \(layout.firstDataLine)")
    } catch {
        FuzzCheck.require(error.code == .missingColumns || error.code == .emptyFile, "header error has code \(error.code): \(error)")
        FuzzCheck.require(error.file == "fuzz.csv" && !error.hint.isEmpty, "header error without file or hint: \(error)")
    }
    ScanComparison.check(log, options: options)
    return 0
}

/// The entry point: libFuzzer's driver with `fuzzSchema`.
@main
enum FuzzSchemaMain {
    static func main() { FuzzDriver.run(fuzzSchema) }
}
