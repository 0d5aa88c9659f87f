import ArgumentParser
import LocalCurrencyImpact

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Scan a log, map the region's spending to IO sectors, run the impact (gross and net, by region and month), write a summary, JSON and CSV.")

    @Argument(help: "Log files (CSV or gzip-compressed CSV), directories of them, or quoted globs.")
    var logs: [String]

    @OptionGroup var table: TableOptions

    @Option(name: .customLong("concordance"), help: "Concordance CSV: ksic,sector[,share] (longest prefix wins).")
    var concordancePath: String

    @Option(help: "Merchant region(s) studied: 시군구 codes, comma-separated (e.g. 47111,47113).")
    var region: String

    @Option(name: .customLong("won-per-unit"), help: "Won in one table unit, when the table's unit is not a won amount.")
    var wonPerUnit: Double?

    @Option(help: "Directory for summary.md, analysis.json, impact.csv, monthly.csv, quarantine.csv (and two_region_impact.csv).")
    var out: String = "out/analyze"

    @OptionGroup var regionModel: RegionModelArguments

    @OptionGroup var netEffect: NetEffectArguments

    @OptionGroup var scanning: ScanArguments

    func run() throws {
        try reportingErrors {
            let codes = region.split(separator: ",").map { $0.trimmingCharacters() }
            let regions = try codes.map { code -> Int64 in
                guard let value = Int64(code), value >= 0 else {
                    throw ValidationError("--region takes 시군구 codes such as 47111 (got '\(code)')")
                }
                return value
            }
            let options = try scanning.options()
            let quarantine = QuarantineFile()
            let analysis = ImpactAnalysis(
                logPaths: logs, tablePath: table.tablePath, concordancePath: concordancePath, regions: regions,
                units: table.units, wonPerUnit: wonPerUnit, scanOptions: options)
            var configured = analysis
            configured.progress = scanning.progress(for: (try? LogFiles.expand(logs)) ?? [])
            configured.onRescan = scanning.reportRescan
            configured.regional = RegionalSettings(
                regionalSizesPath: regionModel.employmentPath, regionalTablePath: regionModel.regionalTablePath,
                method: regionModel.method, delta: regionModel.delta, marginsPath: netEffect.marginsPath,
                netEffect: try netEffect.parameters(), monteCarlo: try netEffect.monteCarlo())
            let report = try configured.run(quarantine: quarantine)
            try AtomicFileWriter.makeDirectory(out)
            let summary = report.markdown()
            var outputs: [(name: String, text: String)] = [
                ("summary.md", summary), ("analysis.json", report.json().serialized() + "\n"),
                ("impact.csv", ImpactReport(result: report.impact).render(.csv)), ("quarantine.csv", quarantine.csv(quarantinedTotal: report.rows.quarantined, limits: options.quarantineListing)),
            ]
            if let regional = report.regional {
                outputs.append(("monthly.csv", regional.monthlyCSV()))
                if let gross = regional.grossTwoRegion {
                    outputs.append(("two_region_impact.csv", TwoRegionImpactReport(result: gross).render(.csv)))
                }
            }
            // All outputs appear together or not at all (an interrupt or a failed write leaves
            // the previous run's set whole; see InterruptGuard and AtomicFileWriter.writeAll).
            try AtomicFileWriter.writeAll(outputs.map { (out + "/" + $0.name, Array($0.text.utf8)) })
            let written = outputs.map(\.name)
            print(summary)
            print("Wrote " + written.map { "\(out)/\($0)" }.joined(separator: ", "))
        }
    }
}

extension Substring {
    func trimmingCharacters() -> String {
        String(self.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
