import Aggregates
import TransactionIO

/// The summary of a scan: row accounting, net spending, spending by merchant
/// region × industry, flows between regions, distinct consumers. Money in won.
public struct ScanReport: Sendable {
    public let aggregates: ScanAggregates

    public init(aggregates: ScanAggregates) { self.aggregates = aggregates }

    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .json: return json().serialized() + "\n"
        case .csv:
            var out = CSVWriter.row(["merchant_region", "ksic", "net_amount", "count", "cancellations"])
            for e in aggregates.spendingByRegionIndustry() {
                out += CSVWriter.row([String(e.merchantRegion), e.industry.description, String(e.cell.netAmount),
                                      String(e.cell.count), String(e.cell.cancellations)])
            }
            return out
        case .table, .markdown:
            let rows = aggregates.rows
            var out = "Rows: \(rows.read) read = \(rows.accepted) accepted + \(rows.quarantined) quarantined"
            out += " (\(rows.cancellations) accepted rows are cancellations)\n"
            for (reason, n) in rows.quarantinedByReason.sorted(by: { $0.value > $1.value }) {
                out += "  quarantined \(reason.rawValue): \(n) — \(reason.explanation)\n"
            }
            out += "Net spending: \(TextTableRenderer.number(Double(aggregates.netAmount), decimals: 0)) won"
            out += " in \(aggregates.months.count) month(s); \(aggregates.consumerKeys.count) distinct consumers\n\n"
            let byRegion = Dictionary(grouping: aggregates.spendingByRegionIndustry(), by: \.merchantRegion)
                .map { ($0.key, $0.value.reduce(SpendCell()) { $0 + $1.cell }) }
                .sorted { $0.1.netAmount > $1.1.netAmount }
            out += TextTableRenderer.render(
                header: ["merchant region", "net won", "rows"],
                rows: byRegion.map { [String($0.0), TextTableRenderer.number(Double($0.1.netAmount), decimals: 0), String($0.1.count)] },
                numericColumns: [1, 2])
            return out
        }
    }

    public func json() -> JSONValue {
        let rows = aggregates.rows
        return .object([
            ("units", .string("won")),
            ("rows", Self.rowsJSON(rows)),
            ("files", .array(aggregates.rowsByFile.sorted { $0.key < $1.key }.map { file, a in
                .object([("file", .string(file)), ("rows", Self.rowsJSON(a))])
            })),
            ("net_amount", .int(aggregates.netAmount)),
            ("months", .array(aggregates.months.map { .int(Int64($0)) })),
            ("by_region_industry", .array(aggregates.spendingByRegionIndustry().map { e in
                .object([
                    ("merchant_region", .string(String(e.merchantRegion))), ("ksic", .string(e.industry.description)),
                    ("net_amount", .int(e.cell.netAmount)), ("count", .int(e.cell.count)),
                    ("cancellations", .int(e.cell.cancellations)),
                ])
            })),
            ("flows", .array(aggregates.flowsByRegionPair().map { e in
                .object([
                    ("consumer_region", .string(String(e.consumerRegion))), ("merchant_region", .string(String(e.merchantRegion))),
                    ("net_amount", .int(e.cell.netAmount)), ("count", .int(e.cell.count)),
                ])
            })),
            ("consumers", .object([("count", .int(Int64(aggregates.consumerKeys.count)))])),
        ])
    }

    static func rowsJSON(_ rows: RowAccounting) -> JSONValue {
        .object([
            ("read", .int(rows.read)), ("accepted", .int(rows.accepted)), ("quarantined", .int(rows.quarantined)),
            ("cancellations", .int(rows.cancellations)),
            ("quarantine_reasons", .object(rows.quarantinedByReason.sorted { $0.key.rawValue < $1.key.rawValue }.map {
                ($0.key.rawValue, .int($0.value))
            })),
        ])
    }
}
