import ImpactModel

/// What `lcimpact regionalize` reports about a regionalization: λ*, per-sector SLQ,
/// regional output, the purchase coefficients and the leakages per sector.
public struct RegionalizationReport: Sendable {
    public let regionalization: Regionalization
    public let outputPath: String?
    public let cappedHouseholdCells: Int

    public init(regionalization: Regionalization, outputPath: String?, cappedHouseholdCells: Int = 0) {
        self.regionalization = regionalization
        self.outputPath = outputPath
        self.cappedHouseholdCells = cappedHouseholdCells
    }

    static let columns = ["code", "label", "national_size", "regional_size", "slq", "regional_output",
                          "regional_purchase_coefficient", "household_purchase_coefficient",
                          "inputs_from_rest_of_nation_per_unit", "imports_from_abroad_per_unit"]

    func rows() -> [(code: String, label: String, values: [Double?])] {
        let r = regionalization
        let rpc = r.regionalPurchaseCoefficients
        let inter = r.interregionalImportCoefficients
        let foreign = r.foreignImportCoefficients
        return (0..<r.sectorCount).map { i in
            (r.national.sectorCodes[i], r.national.sectorLabels[i],
             [r.nationalSizes[i], r.sizes.values[i], r.slq[i], r.regionalOutput[i], rpc[i], r.householdPurchaseCoefficients[i],
              inter[i], foreign?[i]])
        }
    }

    public func render(_ format: OutputFormat) -> String {
        let r = regionalization
        switch format {
        case .json: return json().serialized() + "\n"
        case .csv:
            var out = CSVWriter.row(Self.columns)
            for row in rows() { out += CSVWriter.row([row.code, row.label] + row.values.map(CSVWriter.number)) }
            return out
        case .table, .markdown:
            var out = "Regionalization of \(r.national.source) by \(r.method.rawValue.uppercased()) location quotients\n"
            out += "Region: \(r.sizes.source) (\(r.sizes.measure.rawValue)); share of the nation TRE/TNE = \(TextTableRenderer.number(100 * r.regionalShare, decimals: 2)) %"
            if let lambda = r.lambda {
                out += "; δ = \(TextTableRenderer.number(r.delta, decimals: 2)), λ* = [log2(1 + TRE/TNE)]^δ = \(TextTableRenderer.number(lambda, decimals: 4))"
            }
            out += "\n\n"
            let header = ["code", "label", "SLQ", "regional output", "RPC", "RPC households", "from rest/unit", "abroad/unit"]
            let body = rows().map { row -> [String] in
                [row.code, String(row.label.prefix(30)), TextTableRenderer.number(row.values[2], decimals: 3),
                 TextTableRenderer.number(row.values[3], decimals: 1), TextTableRenderer.number(row.values[4], decimals: 3),
                 TextTableRenderer.number(row.values[5], decimals: 3), TextTableRenderer.number(row.values[6], decimals: 3),
                 TextTableRenderer.number(row.values[7], decimals: 3)]
            }
            out += TextTableRenderer.render(header: header, rows: body, numericColumns: Set(2..<8))
            out += "\nRPC: share of the region's intermediate demand for the product met in the region; RPC households: the same for"
            out += "\nhouseholds; from rest/unit and abroad/unit: a sector's purchases from the rest of the nation and from abroad per"
            out += "\nunit of its output. Money in \(r.national.units).\n"
            if let outputPath { out += "Wrote the regional table to \(outputPath).\n" }
            if cappedHouseholdCells > 0 {
                out += "Note: in \(cappedHouseholdCells) sector(s) the region's households would buy more local output than the region sells; their purchases were capped at the row's residual.\n"
            }
            return out
        }
    }

    public func json() -> JSONValue {
        let r = regionalization
        return .object([
            ("national_table", .string(r.national.source)),
            ("regional_sizes", .string(r.sizes.source)),
            ("measure", .string(r.sizes.measure.rawValue)),
            ("method", .string(r.method.rawValue)),
            ("delta", r.method.usesDelta ? .number(r.delta) : .null),
            ("lambda", .number(r.lambda)),
            ("regional_share", .number(r.regionalShare)),
            ("units", .string(r.national.units.label)),
            ("regional_table", outputPath.map { .string($0) } ?? .null),
            ("sectors", .array(rows().map { row in
                var pairs: [(String, JSONValue)] = [("code", .string(row.code)), ("label", .string(row.label))]
                for (name, value) in zip(Self.columns.dropFirst(2), row.values) { pairs.append((name, .number(value))) }
                return .object(pairs)
            })),
            ("slq", .array(r.slq.map { .number($0) })),
            ("regional_purchase_coefficients", .array(r.regionalPurchaseCoefficients.map { .number($0) })),
            ("household_purchase_coefficients", .array(r.householdPurchaseCoefficients.map { .number($0) })),
            ("capped_household_cells", .int(Int64(cappedHouseholdCells))),
        ])
    }
}
