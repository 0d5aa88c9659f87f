import ArgumentParser
import LocalCurrencyImpact

struct RegionalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regionalize",
        abstract: "Estimate a regional table from a national table and the region's employment by location quotients (SLQ, CILQ, FLQ, AFLQ).",
        discussion: """
            Regional coefficients r_ij = a_ij·min(1, LQ_ij); the rest of each input comes from the rest of the nation \
            (row imports_rest_of_nation, part of imports). The table written has the usual layout, so multipliers, \
            impact and analyze read it. Methods and δ: docs/REGIONAL.md.
            """)

    @Option(name: .customLong("io"), help: "National input–output table CSV (with an employment row for an employment file).")
    var tablePath: String

    @Option(help: "Money unit of the table, overriding its '# units:' line.")
    var units: String?

    @Option(name: .customLong("employment"), help: "Regional employment (or output) by sector: sector,employment or sector,output.")
    var employmentPath: String

    @Option(help: "Location-quotient method: slq, cilq, flq or aflq.")
    var method: LocationQuotientMethod = .flq

    @Option(help: "δ of the FLQ/AFLQ (literature: 0.1–0.4).")
    var delta: Double = LocationQuotientMethod.defaultDelta

    @Option(help: "Path of the regional table to write (CSV).")
    var out: String?

    @Option(help: "Report format: table, csv or json.")
    var format: OutputFormat = .table

    func validate() throws {
        guard delta.isFinite, delta >= 0, delta <= 1 else { throw ValidationError("--delta must be between 0 and 1 (got \(delta))") }
    }

    func run() throws {
        try reportingErrors {
            let national = try IOTable.load(path: tablePath, options: .init(units: units))
            for warning in national.warnings { printError(warning.description) }
            let sizes = try RegionalSectorSizes.load(path: employmentPath, table: national)
            let regionalization = try Regionalization(national: national, sizes: sizes, method: method, delta: delta)
            let (table, capped) = regionalization.regionalTable(source: out ?? "regional table")
            if let out {
                var bytes = table.csvBytes(comments: regionalization.provenance)
                try AtomicFileWriter.write(bytes: &bytes, to: out)
            }
            print(RegionalizationReport(regionalization: regionalization, outputPath: out, cappedHouseholdCells: capped).render(format), terminator: "")
        }
    }
}
