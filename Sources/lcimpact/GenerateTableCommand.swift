import ArgumentParser
import LocalCurrencyImpact

#if canImport(Glibc)
import Glibc
#endif

struct GenerateTableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-table",
        abstract: "Write a SYNTHETIC balanced, productive IO table (IOTable.synthetic) as CSV, for benchmarks and comparisons.")

    @Option(help: "Number of sectors.")
    var sectors: Int

    @Option(help: "Random seed.")
    var seed: UInt64 = 1

    @Option(help: "Output CSV path.")
    var out: String

    func validate() throws {
        guard sectors >= 1 else { throw ValidationError("--sectors must be at least 1 (got \(sectors))") }
    }

    func run() throws {
        try reportingErrors {
            let clock = Stopwatch()
            let table = IOTable.synthetic(sectors: sectors, seed: seed)
            var bytes = table.csvBytes()
            try AtomicFileWriter.write(bytes: &bytes, to: out)
            printError("wrote a synthetic \(sectors)-sector table (seed \(seed), \(bytes.count) bytes) to \(out) in \(format1(clock.seconds)) s")
        }
    }
}
