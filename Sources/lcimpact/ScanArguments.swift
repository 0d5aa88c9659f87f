import ArgumentParser
import LocalCurrencyImpact

#if canImport(Glibc)
import Glibc
#endif

/// Options shared by the commands that scan logs.
struct ScanArguments: ParsableArguments {
    @Option(name: .customLong("max-bad-rows"), help: "Stop when more than N rows, or P% of rows, are quarantined (exit code 3).")
    var maxBadRows: ScanOptions.BadRowLimit?

    @Option(help: "Text encoding: auto, utf8 or cp949 (EUC-KR). auto detects it and says what it chose.")
    var encoding: EncodingChoice = .auto

    @Option(help: "Field delimiter: ',', ';', '|' or 'tab' (default: detected from the header).")
    var delimiter: String?

    @Option(help: "Schema mapping file: lines canonical,source (and approved_values / cancel_values).")
    var schema: String?

    @Option(name: .customLong("column"), help: "Map a source column: canonical=source, e.g. --column amount=결제금액 (repeatable); a timestamp split over two columns: --column date=거래일자 --column time=거래시간.")
    var columns: [String] = []

    @Option(name: .customLong("approved-values"), help: "Extra status values meaning approved (comma-separated).")
    var approvedValues: String?

    @Option(name: .customLong("cancel-values"), help: "Extra status values meaning cancelled (comma-separated).")
    var cancelValues: String?

    @Option(help: "Worker threads (default: all cores). Results do not depend on it.")
    var threads: Int?

    @Flag(help: "Quarantine rows whose tx_id appeared earlier in the log (keeps the first; parses on one thread; ~32–64 bytes of memory per transaction).")
    var dedupe = false

    @Option(name: .customLong("quarantine-rows"), help: "List at most N quarantined rows, the first in file order (default 100000; every row is counted by reason either way).")
    var quarantineRows = QuarantineListing.defaultRowLimit

    @Option(name: .customLong("quarantine-mib"), help: "List at most M MiB of quarantined rows' raw bytes (default 32): the listing's memory bound.")
    var quarantineMiB = QuarantineListing.defaultByteLimit >> 20

    @Option(name: .customLong("region-digits"), help: "Cut region codes to their first N digits before aggregating: 5 turns 10-digit 법정동/행정동 codes into 시군구 codes, 2 into 시도.")
    var regionDigits: Int?

    @Option(name: .customLong("region-map"), help: "Rename region codes before aggregating: a CSV of old,new codes (after --region-digits), e.g. 42110,51110 for 춘천시 before and after 강원특별자치도.")
    var regionMap: String?

    @Flag(help: "No progress bar or notes on stderr.")
    var quiet = false

    enum EncodingChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, utf8, cp949
    }

    /// Range checks, at parse time (a usage error: exit code 64, with the usage line).
    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1 (got \(threads))") }
        if let regionDigits, !(1...18).contains(regionDigits) {
            throw ValidationError("--region-digits must be 1 to 18 (got \(regionDigits))")
        }
        guard quarantineRows >= 0 else { throw ValidationError("--quarantine-rows must be 0 or more (got \(quarantineRows))") }
        guard (0...(1 << 20)).contains(quarantineMiB) else {
            throw ValidationError("--quarantine-mib must be 0 to 1048576 (got \(quarantineMiB))")
        }
    }

    func options() throws -> ScanOptions {
        var mapping = SchemaMapping()
        if let schema { mapping = try SchemaMapping.load(path: schema) }
        for assignment in columns { try mapping.apply(assignment: assignment) }
        if let approvedValues { mapping.extraApproved += approvedValues.split(separator: ",").map(String.init) }
        if let cancelValues { mapping.extraCancelled += cancelValues.split(separator: ",").map(String.init) }
        var delimiterByte: UInt8?
        if let delimiter {
            switch delimiter {
            case ",", ";", "|": delimiterByte = delimiter.utf8.first
            case "tab", "\\t", "\t": delimiterByte = 9
            default: throw ValidationError("--delimiter takes ',', ';', '|' or 'tab' (got '\(delimiter)')")
            }
        }
        var options = ScanOptions(
            delimiter: delimiterByte, maxBadRows: maxBadRows,
            encoding: encoding == .auto ? nil : TextEncoding(rawValue: encoding.rawValue),
            mapping: mapping, threads: threads ?? ScanOptions.defaultThreads)
        options.dedupe = dedupe
        options.quarantineListing = QuarantineListing(rowLimit: quarantineRows, byteLimit: quarantineMiB << 20)
        options.regions = RegionCodeRules(digits: regionDigits, renames: try regionMap.map { try RegionCodeRules.loadRenames(path: $0) } ?? [:])
        return options
    }

    /// A progress bar over `files` when stderr is a terminal and not --quiet.
    func progress(for files: [String]) -> ScanProgress? {
        guard !quiet, isatty(2) == 1 else { return nil }
        var total = 0
        for file in files {
            var st = stat()
            if stat(file, &st) == 0 { total += Int(st.st_size) }
        }
        return ScanProgress(totalBytes: total)
    }

    /// Notes on stderr about what was detected (unless --quiet).
    func reportDetections(_ aggregates: ScanAggregates) {
        guard !quiet else { return }
        for (file, info) in aggregates.filesRead.sorted(by: { $0.key < $1.key }) where info.encodingDetected {
            printError("note: \(file): encoding detected as \(info.encoding)\(info.gzip ? " (gzip)" : "")")
        }
    }

    /// A note on stderr (unless --quiet) when a file is scanned again with exact chunk cuts.
    func reportRescan(file: String, line: Int64?) {
        guard !quiet else { return }
        // Starts on a fresh line: a progress bar may be drawn on the current one.
        printError((isatty(2) == 1 ? "\n" : "") + "note: \(file): a quoted field spanning lines crossed a parallel chunk cut"
            + (line.map { " near line \($0)" } ?? "") + "; scanning the file again with exact cuts "
            + "(the results are exact; the first part of the file is read twice)")
    }
}

extension ScanOptions.BadRowLimit: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}
