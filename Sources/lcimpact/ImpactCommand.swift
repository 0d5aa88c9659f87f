import ArgumentParser
import LocalCurrencyImpact

struct ImpactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "impact",
        abstract: "Effects of a final-demand change (sector,amount in table units) on output, value added, income, jobs, imports and taxes.",
        discussion: """
            With --employment (or --regional-table) the table is read as the nation and the demand as demand for the \
            region's output: the two-region model splits every effect into the region, the rest of the nation and \
            (imports) abroad.
            """)

    @OptionGroup var table: TableOptions

    @Option(name: .customLong("demand"), help: "CSV with columns sector,amount (amounts in the table's units).")
    var demandPath: String

    @OptionGroup var regionModel: RegionModelArguments

    @Option(help: "Output format: table, csv or json.")
    var format: OutputFormat = .table

    func run() throws {
        try reportingErrors {
            let loaded = try table.load()
            let demand = try FinalDemandChange.load(path: demandPath, table: loaded)
            if regionModel.employmentPath != nil || regionModel.regionalTablePath != nil {
                let model: TwoRegionModel
                if let path = regionModel.regionalTablePath {
                    let regional = try IOTable.load(path: path, options: .init(units: table.units))
                    model = try TwoRegionModel(national: loaded, regional: regional, method: regionModel.method, delta: regionModel.delta)
                } else {
                    let sizes = try RegionalSectorSizes.load(path: regionModel.employmentPath!, table: loaded)
                    model = try TwoRegionModel(regionalization: Regionalization(national: loaded, sizes: sizes, method: regionModel.method, delta: regionModel.delta))
                }
                let result = try model.impact(region: demand.values, rest: [Double](repeating: 0, count: loaded.sectorCount))
                print(TwoRegionImpactReport(result: result).render(format), terminator: "")
                if let reason = model.typeIIUnavailableReason { printError("note: Type II not available: \(reason)") }
                return
            }
            let model = try LeontiefModel(table: loaded)
            let result = try model.impact(of: demand.values)
            print(ImpactReport(result: result).render(format), terminator: "")
            if let reason = model.typeIIUnavailableReason { printError("note: Type II not available: \(reason)") }
        }
    }
}
