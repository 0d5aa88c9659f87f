import ArgumentParser
import LocalCurrencyImpact

struct MultipliersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "multipliers",
        abstract: "Output, value-added, income, employment, import and tax multipliers per sector (Type I and II), and linkages.")

    @OptionGroup var table: TableOptions

    @Option(help: "Output format: table, csv or json.")
    var format: OutputFormat = .table

    @Option(name: .customLong("full-inverse"), help: "Also write the Leontief inverse L = (I − A)⁻¹ as CSV to this path (formed only when asked).")
    var fullInversePath: String?

    @Option(help: "Factorization of (I − A): automatic (mixed from 1,500 sectors), double or mixed (single-precision LU refined to double accuracy).")
    var precision: SolverPrecision = .automatic

    @Flag(help: "Print to stderr how long loading, the model (A, factorization, solves) and writing took, and which solver path ran.")
    var timing = false

    func run() throws {
        try reportingErrors {
            let clock = Stopwatch()
            let loaded = try table.load()
            let loadSeconds = clock.seconds
            let model = try LeontiefModel(table: loaded, precision: precision)
            let (multipliers, refinements) = try model.multipliersWithDiagnostics()
            let modelSeconds = clock.seconds - loadSeconds
            let report = MultiplierReport(
                units: model.table.units, multipliers: multipliers,
                typeIINote: model.typeIIUnavailableReason, openBLASCore: OpenBLASRuntime.coreName)
            print(report.render(format), terminator: "")
            let writeSeconds = clock.seconds - loadSeconds - modelSeconds
            if timing {
                let path = refinements.isEmpty ? model.solverReport.description
                    : model.solverReport.description + "; multiplier solves: " + refinements.map(\.description).joined(separator: "; ")
                printError("timing: sectors \(model.sectorCount); load \(format3(loadSeconds)) s; model (A, factor, solves) \(format3(modelSeconds)) s; write \(format3(writeSeconds)) s; solver: \(path); OpenBLAS \(OpenBLASRuntime.coreName), \(OpenBLASRuntime.threadCount) threads")
            }
            if let fullInversePath {
                let l = try model.fullInverse()
                var csv = CSVWriter.row(["code"] + model.table.sectorCodes)
                for i in 0..<l.rows {
                    csv += CSVWriter.row([model.table.sectorCodes[i]] + l.row(i).map { CSVWriter.number($0) })
                }
                try AtomicFileWriter.write(csv, to: fullInversePath)
                printError("wrote the Leontief inverse to \(fullInversePath)")
            }
        }
    }
}

extension SolverPrecision: ExpressibleByArgument {}

func format3(_ v: Double) -> String { TextTableRenderer.number(v, decimals: 3) }
