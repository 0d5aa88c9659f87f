import ArgumentParser
import LocalCurrencyImpact

struct ImpactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "impact",
        abstract: "Effects of a final-demand change (sector,amount in table units) on output, value added, income, jobs and imports.")

    @OptionGroup var table: TableOptions

    @Option(name: .customLong("demand"), help: "CSV with columns sector,amount (amounts in the table's units).")
    var demandPath: String

    @Option(help: "Output format: table, csv or json.")
    var format: OutputFormat = .table

    func run() throws {
        try reportingErrors {
            let loaded = try table.load()
            let model = try LeontiefModel(table: loaded)
            let demand = try FinalDemandChange.load(path: demandPath, table: loaded)
            let result = try model.impact(of: demand.values)
            print(ImpactReport(result: result).render(format), terminator: "")
            if let reason = model.typeIIUnavailableReason { printError("note: Type II not available: \(reason)") }
        }
    }
}
