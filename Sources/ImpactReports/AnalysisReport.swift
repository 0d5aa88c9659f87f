import Aggregates
import ConsumerAnalytics
import ImpactModel
import TransactionIO

/// The end-to-end result of `lcimpact analyze`: what was scanned, what was
/// mapped to which sectors, and the impact, for people (Markdown/text) and
/// machines (JSON, CSV).
public struct AnalysisReport: Sendable {
    public var logFiles: [String]
    public var tableSource: String
    public var concordanceSource: String
    public var regions: [Int64]
    public var rows: RowAccounting
    /// Net won at merchants in the region, by industry code.
    public var regionSpending: [(code: String, won: Int64)]
    public var mapping: ConcordanceMapping
    public var impact: ImpactResult
    public var leakage: RegionalLeakage
    public var warnings: [String]
    public var openBLASCore: String
    /// Margins, two-region split, net effects, uncertainty and months (nil: not computed).
    public var regional: RegionalAnalysisSection?

    public init(logFiles: [String], tableSource: String, concordanceSource: String, regions: [Int64], rows: RowAccounting,
                regionSpending: [(code: String, won: Int64)], mapping: ConcordanceMapping, impact: ImpactResult,
                leakage: RegionalLeakage, warnings: [String], openBLASCore: String, regional: RegionalAnalysisSection? = nil) {
        self.logFiles = logFiles
        self.tableSource = tableSource
        self.concordanceSource = concordanceSource
        self.regions = regions
        self.rows = rows
        self.regionSpending = regionSpending
        self.mapping = mapping
        self.impact = impact
        self.leakage = leakage
        self.warnings = warnings
        self.openBLASCore = openBLASCore
        self.regional = regional
    }

    func percent(_ part: Int64, of whole: Int64) -> String {
        whole == 0 ? "-" : TextTableRenderer.number(100 * Double(part) / Double(whole), decimals: 1) + " %"
    }

    /// A Markdown summary a city official can read.
    public func markdown() -> String {
        let units = impact.units.label
        let t = impact.total
        let n: (Double?) -> String = { TextTableRenderer.number($0, decimals: 1) }
        var out = "# Local currency impact: region \(regions.map(String.init).joined(separator: ", "))\n\n"
        out += "## What was measured\n\n"
        out += "- Transaction log: \(logFiles.joined(separator: ", ")) — \(rows.read) rows read, \(rows.accepted) accepted, "
        out += "\(rows.quarantined) quarantined (\(rows.cancellations) cancellations netted out).\n"
        out += "- Net spending at merchants in the region: \(TextTableRenderer.number(Double(mapping.totalWon), decimals: 0)) won.\n"
        out += "- Mapped to input–output sectors with \(concordanceSource): exact codes \(percent(mapping.exactWon, of: mapping.totalWon)), "
        out += "by prefix \(percent(mapping.prefixWon, of: mapping.totalWon)), unmapped \(percent(mapping.unmappedWon, of: mapping.totalWon)).\n"
        if !mapping.unmapped.isEmpty {
            out += "- Unmapped codes (not in the impact): "
            out += mapping.unmapped.prefix(10).map { "\($0.code) (\(TextTableRenderer.number(Double($0.won), decimals: 0)) won)" }.joined(separator: ", ")
            out += mapping.unmapped.count > 10 ? ", …\n" : "\n"
        }
        out += "- Input–output table: \(tableSource) (money in \(units); OpenBLAS kernel \(openBLASCore)).\n\n"
        out += "## Effects (gross, before substitution and subsidy cost)\n\n"
        out += "| measure | Type I (direct + indirect) | Type II (+ induced household spending) | unit |\n|---|---:|---:|---|\n"
        let demandLabel = regional?.marginsSource == nil ? "spending mapped to sectors, at purchasers' prices" : "spending at producer prices: margins, goods and taxes split off"
        out += "| Final demand (\(demandLabel)) | \(n(t.demand)) | \(n(t.demand)) | \(units) |\n"
        out += "| Output (production inducement) | \(n(t.outputType1)) | \(n(t.outputType2)) | \(units) |\n"
        out += "| Value added (part of output) | \(n(t.valueAddedType1)) | \(n(t.valueAddedType2)) | \(units) |\n"
        out += "| Household income (part of value added) | \(n(t.incomeType1)) | \(n(t.incomeType2)) | \(units) |\n"
        out += "| Employment | \(n(t.employmentType1)) | \(n(t.employmentType2)) | persons |\n"
        out += "| Imports | \(n(t.importsType1)) | \(n(t.importsType2)) | \(units) |\n\n"
        out += "Output and value added measure the same activity in two ways (value added is part of output):\n"
        out += "**never add them into one \"economic effect\" figure.** These are gross effects of the spending as if\n"
        out += "all of it were new, in the table's economy; spending that would have happened anyway (substitution) and the\n"
        if let regional {
            out += "cost of the discount are subtracted in \"Net effects and costs\" below.\n\n"
            out += regional.markdown()
        } else {
            out += "cost of the discount are not subtracted here.\n\n"
        }
        out += "## Where residents spend (leakage)\n\n"
        out += "- Residents' spending at merchants in the region: \(TextTableRenderer.number(Double(leakage.retainedWon), decimals: 0)) won; "
        out += "elsewhere: \(TextTableRenderer.number(Double(leakage.leakedWon), decimals: 0)) won; "
        out += "retention rate \(leakage.retentionRate.map { TextTableRenderer.number(100 * $0, decimals: 1) + " %" } ?? "-").\n"
        out += "- Non-residents' spending at the region's merchants: \(TextTableRenderer.number(Double(leakage.inflowWon), decimals: 0)) won "
        out += "(\(leakage.inflowShare.map { TextTableRenderer.number(100 * $0, decimals: 1) + " %" } ?? "-") of the merchants' takings).\n"
        if !warnings.isEmpty {
            out += "\n## Warnings\n\n" + warnings.map { "- \($0)\n" }.joined()
        }
        return out
    }

    public func json() -> JSONValue {
        .object([
            ("log_files", .array(logFiles.map { .string($0) })),
            ("io_table", .string(tableSource)),
            ("concordance", .string(concordanceSource)),
            ("regions", .array(regions.map { .string(String($0)) })),
            ("rows", ScanReport.rowsJSON(rows)),
            ("region_spending_won", .array(regionSpending.map { .object([("ksic", .string($0.code)), ("net_amount", .int($0.won))]) })),
            ("coverage", .object([
                ("total_won", .int(mapping.totalWon)), ("exact_won", .int(mapping.exactWon)),
                ("prefix_won", .int(mapping.prefixWon)), ("unmapped_won", .int(mapping.unmappedWon)),
                ("unmapped", .array(mapping.unmapped.map { .object([("ksic", .string($0.code)), ("net_amount", .int($0.won))]) })),
            ])),
            ("impact", ImpactReport(result: impact).json()),
            ("leakage", .object([
                ("retained_won", .int(leakage.retainedWon)), ("leaked_won", .int(leakage.leakedWon)),
                ("inflow_won", .int(leakage.inflowWon)), ("retention_rate", .number(leakage.retentionRate)),
                ("leakage_rate", .number(leakage.leakageRate)), ("inflow_share", .number(leakage.inflowShare)),
                ("leakage_destinations", .array(leakage.leakageDestinations.prefix(20).map {
                    .object([("merchant_region", .string(String($0.region))), ("net_amount", .int($0.won))])
                })),
            ])),
            ("regional", regional?.json() ?? .null),
            ("warnings", .array(warnings.map { .string($0) })),
            ("openblas_core", .string(openBLASCore)),
        ])
    }
}
