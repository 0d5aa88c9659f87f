import ArgumentParser
import LocalCurrencyImpact

struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan transaction logs once: row accounting, spending by region × industry, flows, consumers.")

    @Argument(help: "Log files (CSV) or directories of them.")
    var logs: [String]

    @Option(help: "Output format: table, csv or json.")
    var format: OutputFormat = .table

    @Option(help: "Write quarantined rows (file,line,column,reason,raw) to this CSV.")
    var quarantine: String?

    @Option(name: .customLong("max-bad-rows"), help: "Stop when more than N rows, or P% of rows, are quarantined.")
    var maxBadRows: String?

    func run() throws {
        try reportingErrors {
            var options = ScanOptions()
            if let maxBadRows {
                guard let limit = ScanOptions.BadRowLimit(parsing: maxBadRows) else {
                    throw ValidationError("--max-bad-rows takes N or P% (got '\(maxBadRows)')")
                }
                options.maxBadRows = limit
            }
            let quarantined = QuarantineFile()
            var aggregates = ScanAggregates()
            for file in try LogFiles.expand(logs) {
                aggregates.merge(try ScanAggregates.scan(path: file, options: options, onQuarantine: quarantined.add))
            }
            if let quarantine { try AtomicFileWriter.write(quarantined.csv(), to: quarantine) }
            print(ScanReport(aggregates: aggregates).render(format), terminator: "")
        }
    }
}
