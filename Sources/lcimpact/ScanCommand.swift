import ArgumentParser
import LocalCurrencyImpact

struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan transaction logs once (CSV or gzip, UTF-8 or CP949, in parallel): row accounting, spending by region × industry × month, flows, merchants, consumers.")

    @Argument(help: "Log files (CSV or gzip-compressed CSV), directories of them, or quoted globs such as 'logs/2024-*.csv.gz'.")
    var logs: [String]

    @Option(help: "Output format: table, csv or json.")
    var format: OutputFormat = .table

    @Option(help: "Write quarantined rows (file,line,column,reason,raw) to this CSV.")
    var quarantine: String?

    @Option(name: .customLong("state-out"), help: "Write the aggregates to this versioned state file (for lcimpact merge).")
    var stateOut: String?

    @OptionGroup var scanning: ScanArguments

    func run() throws {
        try reportingErrors {
            let options = try scanning.options()
            let files = try LogFiles.expand(logs)
            let quarantined = QuarantineFile()
            let aggregates: ScanAggregates
            do {
                var scan = LogScan(options: options, progress: scanning.progress(for: files))
                scan.onRescan = scanning.reportRescan
                aggregates = try scan.run(paths: files, onQuarantine: quarantined.add)
            } catch {
                // Keep what was quarantined before the scan stopped.
                if let quarantine { try? AtomicFileWriter.write(quarantined.csv(), to: quarantine) }
                throw error
            }
            scanning.reportDetections(aggregates)
            // The quarantine and state files appear together or not at all (see InterruptGuard).
            var outputs: [(path: String, bytes: [UInt8])] = []
            if let quarantine { outputs.append((quarantine, Array(quarantined.csv(quarantinedTotal: aggregates.rows.quarantined, limits: options.quarantineListing).utf8))) }
            if let stateOut { outputs.append((stateOut, aggregates.serialized())) }
            try AtomicFileWriter.writeAll(outputs)
            print(ScanReport(aggregates: aggregates).render(format), terminator: "")
        }
    }
}
