import ArgumentParser
import LocalCurrencyImpact

#if canImport(Glibc)
import Glibc
#endif

@main
struct LCImpact: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lcimpact",
        abstract: "Measure what a local currency (지역사랑상품권) does to the local economy.",
        discussion: """
            Exit codes: 0 success; 1 bad input or a failed step (the message names the file, \
            line and column and says what to do); 3 a scan stopped by --max-bad-rows; 64 usage error; \
            130 interrupted by Ctrl-C (SIGINT), 143 terminated (SIGTERM): no partial output is left, \
            outputs of earlier runs are unchanged.
            """,
        subcommands: [
            MultipliersCommand.self, ImpactCommand.self, AnalyzeCommand.self, ScanCommand.self, MergeCommand.self, GenerateCommand.self,
            GenerateTableCommand.self, RegionalizeCommand.self, ExtractionCommand.self,
        ])

    /// Installs the SIGINT/SIGTERM handling (exit 130/143, no partial output; see
    /// `InterruptGuard`) first thing, stops the worker threads OpenBLAS started at load
    /// (they spin for 0.1 s, taking a core from a scan; a command that uses BLAS gets them
    /// back on its first threaded call), then parses and runs the command.
    static func main() {
        InterruptGuard.install()
        OpenBLASRuntime.stopIdleThreads()
        main(nil)
    }
}

/// Runs `body`, printing the library's errors (which already name file, line,
/// column and a fix) to stderr and exiting with 1 (3 for --max-bad-rows).
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ScanError where error.code == .tooManyBadRows {
        printError(error.description)
        throw ExitCode(3)
    } catch let error as ExitCode {
        throw error
    } catch {
        printError("\(error)")
        throw ExitCode(1)
    }
}

func printError(_ message: String) {
    var stderr = StandardError()
    print("lcimpact: " + message, to: &stderr)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        var s = string
        // write(2) to fd 2: unbuffered, and no shared C `stderr` FILE* under strict concurrency.
        s.withUTF8 { buffer in _ = Glibc.write(2, buffer.baseAddress, buffer.count) }
    }
}

extension OutputFormat: ExpressibleByArgument {}

/// Options shared by the commands that read an IO table.
struct TableOptions: ParsableArguments {
    @Option(name: .customLong("io"), help: "Input-output table CSV (layout: SampleData/README.md).")
    var tablePath: String

    @Option(help: "Money unit of the table, overriding its '# units:' line (e.g. 'million won').")
    var units: String?

    func load() throws -> IOTable {
        let table = try IOTable.load(path: tablePath, options: .init(units: units))
        for warning in table.warnings { printError(warning.description) }
        return table
    }
}
