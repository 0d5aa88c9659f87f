/// The end-to-end pipeline: scan the log once, take the spending at merchants in
/// the region, map it through the concordance (and the margin table, when given) to
/// producer-price final demand by IO sector (won → table units), and run the Leontief
/// model (Type I and II); then the regional stage (`regional`): the two-region split,
/// net effects and costs, uncertainty bands and months (`ImpactAnalysis+Regional.swift`).
public struct ImpactAnalysis {
    public var logPaths: [String]
    public var tablePath: String
    public var concordancePath: String
    /// Merchant regions that make up the region studied (시군구 codes).
    public var regions: [Int64]
    /// Table-unit override (`--units`).
    public var units: String?
    /// Won per table unit when the table's unit is not a won multiple.
    public var wonPerUnit: Double?
    public var scanOptions: ScanOptions
    /// Progress reporting on stderr (nil: silent).
    public var progress: ScanProgress?
    /// Told when a log file is scanned again with exact chunk cuts (see `LogScan.onRescan`).
    public var onRescan: ((_ file: String, _ line: Int64?) -> Void)?
    /// Regionalization, margins, net effects, uncertainty and months.
    public var regional = RegionalSettings()

    public init(logPaths: [String], tablePath: String, concordancePath: String, regions: [Int64],
                units: String? = nil, wonPerUnit: Double? = nil, scanOptions: ScanOptions = ScanOptions()) {
        self.logPaths = logPaths
        self.tablePath = tablePath
        self.concordancePath = concordancePath
        self.regions = regions
        self.units = units
        self.wonPerUnit = wonPerUnit
        self.scanOptions = scanOptions
    }

    /// Runs the pipeline. Quarantined rows go to `quarantine`.
    public func run(quarantine: QuarantineFile) throws -> AnalysisReport {
        // Model inputs first: a bad table should fail before a long scan.
        let table = try IOTable.load(path: tablePath, options: .init(units: units))
        guard let perUnit = wonPerUnit ?? table.units.wonPerUnit else {
            throw IOTableError(.missingUnits, file: tablePath,
                               message: "the table's unit '\(table.units)' is not a won amount, so spending in won cannot be converted",
                               hint: "declare the unit as e.g. '# units: million won', or pass --won-per-unit")
        }
        let model = try LeontiefModel(table: table)
        let concordance = try Concordance.load(path: concordancePath, table: table)
        let regionalInputs = try loadRegionalInputs(table: table, singleModel: model)

        let files = try LogFiles.expand(logPaths)
        var scan = LogScan(options: scanOptions, progress: progress)
        scan.onRescan = onRescan
        let aggregates = try scan.run(paths: files, onQuarantine: quarantine.add)
        let regionSet = Set(regions)
        let spending = aggregates.spendingByIndustry(inMerchantRegions: regionSet)
            .map { (code: $0.industry.description, won: $0.cell.netAmount) }
        let demand = concordance.demand(spending: spending, margins: regionalInputs.margins, sectorCount: table.sectorCount, wonPerUnit: perUnit)
        let producerDemand = demand.vectors()
        let finalDemand = zip(producerDemand.own, producerDemand.supplied).map { $0 + $1 }
        let mapping = ConcordanceMapping(coverageOf: demand, demand: finalDemand)
        let impact = try model.impact(of: finalDemand)
        let regionalSection = try self.regionalSection(inputs: regionalInputs, concordance: concordance, aggregates: aggregates,
                                                       regions: regionSet, demand: demand, table: table)
        var warnings = table.warnings.map(\.description)
        if let reason = model.typeIIUnavailableReason { warnings.append("Type II not available: \(reason)") }
        if spending.isEmpty {
            warnings.append("no accepted spending at merchants in region(s) \(regions.map(String.init).joined(separator: ", ")); check --region against the log's merchant_region codes")
        }
        if mapping.unmappedWon != 0 {
            warnings.append("\(mapping.unmapped.count) industry code(s) with \(mapping.unmappedWon) won are not in the concordance and are left out of the impact")
        }
        return AnalysisReport(
            logFiles: files, tableSource: tablePath, concordanceSource: concordancePath, regions: regions,
            rows: aggregates.rows, regionSpending: spending, mapping: mapping, impact: impact,
            leakage: RegionalLeakage(aggregates: aggregates, regions: regionSet), warnings: warnings,
            openBLASCore: OpenBLASRuntime.coreName, regional: regionalSection)
    }
}
