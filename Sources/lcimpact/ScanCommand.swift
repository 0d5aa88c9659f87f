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

    @OptionGroup var scanning: ScanArguments

    func run() throws {
        try reportingErrors {
            let options = scanning.options
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
