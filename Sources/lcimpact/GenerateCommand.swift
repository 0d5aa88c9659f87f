import ArgumentParser
import LocalCurrencyImpact

#if canImport(Glibc)
import Glibc
#endif

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a SYNTHETIC local-currency transaction log in the canonical schema (deterministic per seed).")

    @Option(help: "Number of rows.")
    var rows: Int

    @Option(help: "Random seed.")
    var seed: UInt64 = 42

    @Option(help: "Output CSV path.")
    var out: String

    func validate() throws {
        guard rows >= 0 else { throw ValidationError("--rows must be 0 or more (got \(rows))") }
    }

    func run() throws {
        try reportingErrors {
            let clock = Stopwatch()
            // Via a temporary file and rename, like every output (an interrupted run leaves no partial log).
            let bytes = try AtomicFileWriter.write(to: out) { try SyntheticLogGenerator(rows: rows, seed: seed).write(to: $0) }
            let seconds = clock.seconds
            printError("wrote \(rows) rows (\(bytes) bytes) to \(out) in \(format1(seconds)) s (\(format1(Double(bytes) / 1e6 / max(seconds, 1e-9))) MB/s)")
        }
    }
}

func format1(_ v: Double) -> String { TextTableRenderer.number(v, decimals: 1) }
