import ImpactModel

/// Hypothetical extraction per sector as table, CSV or JSON, largest total loss first in the table.
public struct ExtractionReport: Sendable {
    public let units: MoneyUnit
    public let results: [SectorExtraction]

    public init(units: MoneyUnit, results: [SectorExtraction]) {
        self.units = units
        self.results = results
    }

    static let columns = ["code", "label", "total_loss", "total_loss_share", "backward_loss", "backward_loss_share"]

    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .json:
            return JSONValue.object([
                ("units", .string(units.label)),
                ("method", .string("total loss x_j·(sum_i L_ij)/L_jj; backward loss x_j·(sum_i L_ij − 1)/L_jj (Miller & Blair 2009, §12.2.5)")),
                ("sectors", .array(results.map { e in
                    .object([("code", .string(e.code)), ("label", .string(e.label)), ("total_loss", .number(e.totalLoss)),
                             ("total_loss_share", .number(e.totalLossShare)), ("backward_loss", .number(e.backwardLoss)),
                             ("backward_loss_share", .number(e.backwardLossShare))])
                })),
            ]).serialized() + "\n"
        case .csv:
            var out = CSVWriter.row(Self.columns)
            for e in results {
                out += CSVWriter.row([e.code, e.label] + [e.totalLoss, e.totalLossShare, e.backwardLoss, e.backwardLossShare].map(CSVWriter.number))
            }
            return out
        case .table, .markdown:
            let rows = results.sorted { $0.totalLoss > $1.totalLoss }.map { e in
                [e.code, String(e.label.prefix(34)), TextTableRenderer.number(e.totalLoss, decimals: 1),
                 TextTableRenderer.number(100 * e.totalLossShare, decimals: 2), TextTableRenderer.number(e.backwardLoss, decimals: 1),
                 TextTableRenderer.number(100 * e.backwardLossShare, decimals: 2)]
            }
            var out = "Hypothetical extraction: output lost if a sector disappeared (money in \(units); shares of total output)\n\n"
            out += TextTableRenderer.render(header: ["code", "label", "total loss", "%", "backward loss", "%"], rows: rows, numericColumns: [2, 3, 4, 5])
            out += "\nTotal: the sector and all it buys and sells removed; backward: only its purchases from other sectors removed.\n"
            return out
        }
    }
}
