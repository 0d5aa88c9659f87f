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
            out += aggregates.duplicatesChecked
                ? "Duplicate tx_ids: checked; \(rows.quarantinedByReason[.duplicateTransaction] ?? 0) repeats quarantined\n"
                : "Duplicate tx_ids: not checked (use --dedupe)\n"
            for (reason, n) in rows.quarantinedByReason.sorted(by: { $0.value > $1.value }) {
                out += "  quarantined \(reason.rawValue): \(n) — \(reason.explanation)\n"
            }
            if aggregates.totalsOverflow {
                out += "WARNING: net spending totals pass the Int64 range (±9.2·10¹⁸ won); the totals below are wrong — check the amount column\n"
            }
            out += "Net spending: \(TextTableRenderer.number(Double(aggregates.netAmount), decimals: 0)) won"
            out += " in \(aggregates.months.count) month(s); \(aggregates.consumers.count) distinct consumers, \(aggregates.merchants.count) merchants\n"
            for (file, info) in aggregates.filesRead.sorted(by: { $0.key < $1.key }) {
                out += "  \(file): \(info.gzip ? "gzip, " : "")encoding \(info.encoding)\(info.encodingDetected ? " (detected)" : ""), delimiter '\(info.delimiter)'\n"
            }
            out += "\n"
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
                var pairs: [(String, JSONValue)] = [("file", .string(file)), ("rows", Self.rowsJSON(a))]
                if let info = aggregates.filesRead[file] {
                    pairs += [
                        ("encoding", .string(info.encoding)), ("encoding_detected", .bool(info.encodingDetected)),
                        ("delimiter", .string(info.delimiter)), ("gzip", .bool(info.gzip)),
                        ("columns", .object(info.columns.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
                    ]
                }
                return .object(pairs)
            })),
            ("duplicates", .object([
                ("checked", .bool(aggregates.duplicatesChecked)),
                ("found", aggregates.duplicatesChecked ? .int(rows.quarantinedByReason[.duplicateTransaction] ?? 0) : .null),
            ])),
            ("net_amount", .int(aggregates.netAmount)),
            ("totals_overflow", .bool(aggregates.totalsOverflow)),
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
            ("merchants", Self.merchantsJSON(aggregates)),
            ("consumers", Self.consumersJSON(aggregates)),
        ])
    }

    /// Merchant concentration: count, share of the top 10 merchants in net spending, and the
    /// Herfindahl–Hirschman index Σ sᵢ² over merchants' shares sᵢ of positive net spending (0–1).
    static func merchantsJSON(_ a: ScanAggregates) -> JSONValue {
        let amounts = a.merchants.values.map { Double(max(0, $0.netAmount)) }.sorted(by: >)
        let total = amounts.reduce(0, +)
        let top10 = total > 0 ? amounts.prefix(10).reduce(0, +) / total : 0
        let hhi = total > 0 ? amounts.reduce(0.0) { $0 + (Double($1) / total) * (Double($1) / total) } : 0
        return .object([("count", .int(Int64(a.merchants.count))), ("top10_share", .number(top10)), ("hhi", .number(hhi))])
    }

    /// Consumer summary: count, means of transactions, net spend and outside-home share, and
    /// spend by group (won).
    static func consumersJSON(_ a: ScanAggregates) -> JSONValue {
        let t = a.consumers.totals()
        let n = Double(max(t.count, 1))
        return .object([
            ("count", .int(Int64(t.count))),
            ("transactions_mean", .number(Double(t.transactions) / n)),
            ("net_amount_mean", .number(Double(t.netAmount) / n)),
            ("outside_home_share", .number(t.netAmount > 0 ? Double(t.outsideNetAmount) / Double(t.netAmount) : nil)),
            ("spend_by_group", .object(SpendingGroup.allCases.map { ($0.name, .int(t.spendByGroup[$0.rawValue])) })),
            ("hour_profile", .array(t.hourProfile.map { .int(Int64($0)) })),
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
