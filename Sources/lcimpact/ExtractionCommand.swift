import ArgumentParser
import LocalCurrencyImpact

struct ExtractionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extraction",
        abstract: "Hypothetical extraction: the output the economy would lose without each sector (total and backward).")

    @OptionGroup var table: TableOptions

    @Option(help: "Output format: table, csv or json.")
    var format: OutputFormat = .table

    func run() throws {
        try reportingErrors {
            let model = try LeontiefModel(table: table.load())
            print(ExtractionReport(units: model.table.units, results: try model.hypotheticalExtraction()).render(format), terminator: "")
        }
    }
}
