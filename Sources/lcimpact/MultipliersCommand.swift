import ArgumentParser
import LocalCurrencyImpact

struct MultipliersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "multipliers",
        abstract: "Output, value-added, income, employment and import multipliers per sector (Type I and II), and linkages.")

    @OptionGroup var table: TableOptions

    @Option(help: "Output format: table, csv or json.")
    var format: OutputFormat = .table

    @Option(name: .customLong("full-inverse"), help: "Also write the Leontief inverse L = (I − A)⁻¹ as CSV to this path (formed only when asked).")
    var fullInversePath: String?

    func run() throws {
        try reportingErrors {
            let model = try LeontiefModel(table: table.load())
            let report = MultiplierReport(
                units: model.table.units, multipliers: try model.multipliers(),
                typeIINote: model.typeIIUnavailableReason, openBLASCore: OpenBLASRuntime.coreName)
            print(report.render(format), terminator: "")
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
