import ArgumentParser
import LocalCurrencyImpact

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge aggregate state files (from scan --state-out) exactly, as if their logs had been scanned together.")

    @Argument(help: "State files.")
    var states: [String]

    @Option(name: .customLong("state-out"), help: "Write the merged state here.")
    var stateOut: String?

    @Option(help: "Output format: table, csv or json.")
    var format: OutputFormat = .table

    func run() throws {
        try reportingErrors {
            var merged = ScanAggregates()
            for path in states {
                let file = try MappedFile(path: path)
                let bytes = file.withBytes { Array($0) }
                merged.merge(try ScanAggregates(serialized: bytes, source: path))
            }
            if let stateOut {
                var bytes = merged.serialized()
                try AtomicFileWriter.write(bytes: &bytes, to: stateOut)
            }
            print(ScanReport(aggregates: merged).render(format), terminator: "")
        }
    }
}
