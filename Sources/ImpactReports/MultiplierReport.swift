import ImpactModel

/// Multipliers per sector as table, CSV or JSON. Keys and columns:
/// code, label, output_type1, value_added, income_type1, employment, imports,
/// income_multiplier_type1, employment_multiplier_type1, output_type2,
/// value_added_type2, income_type2, income_multiplier_type2, employment_type2,
/// backward_linkage, forward_linkage, key_sector, taxes. Null/empty where not available.
public struct MultiplierReport: Sendable {
    public let units: MoneyUnit
    public let multipliers: [SectorMultipliers]
    public let typeIINote: String?
    public let openBLASCore: String?

    public init(units: MoneyUnit, multipliers: [SectorMultipliers], typeIINote: String?, openBLASCore: String? = nil) {
        self.units = units
        self.multipliers = multipliers
        self.typeIINote = typeIINote
        self.openBLASCore = openBLASCore
    }

    static let columns = [
        "code", "label", "output_type1", "value_added", "income_type1", "employment", "imports",
        "income_multiplier_type1", "employment_multiplier_type1", "output_type2", "value_added_type2",
        "income_type2", "income_multiplier_type2", "employment_type2", "backward_linkage", "forward_linkage",
        "key_sector", "taxes",
    ]

    static func values(_ m: SectorMultipliers) -> [Double?] {
        [m.outputType1, m.valueAdded, m.incomeType1, m.employment, m.imports, m.incomeMultiplierType1,
         m.employmentMultiplierType1, m.outputType2, m.valueAddedType2, m.incomeType2, m.incomeMultiplierType2,
         m.employmentType2, m.backwardLinkage, m.forwardLinkage]
    }

    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .json: return json().serialized() + "\n"
        case .csv:
            var out = CSVWriter.row(Self.columns)
            for m in multipliers {
                out += CSVWriter.row([m.code, m.label] + Self.values(m).map(CSVWriter.number) + [m.isKeySector ? "true" : "false", CSVWriter.number(m.taxes)])
            }
            return out
        case .table, .markdown:
            let header = ["code", "label", "output I", "output II", "value added", "income I", "income II",
                          "jobs", "imports", "income ×I", "income ×II", "back", "fwd", "key"]
            let rows = multipliers.map { m -> [String] in
                [m.code, String(m.label.prefix(34)),
                 TextTableRenderer.number(m.outputType1, decimals: 4), TextTableRenderer.number(m.outputType2, decimals: 4),
                 TextTableRenderer.number(m.valueAdded, decimals: 4), TextTableRenderer.number(m.incomeType1, decimals: 4),
                 TextTableRenderer.number(m.incomeType2, decimals: 4), TextTableRenderer.number(m.employment, decimals: 4),
                 TextTableRenderer.number(m.imports, decimals: 4), TextTableRenderer.number(m.incomeMultiplierType1, decimals: 3),
                 TextTableRenderer.number(m.incomeMultiplierType2, decimals: 3),
                 TextTableRenderer.number(m.backwardLinkage, decimals: 3), TextTableRenderer.number(m.forwardLinkage, decimals: 3),
                 m.isKeySector ? "yes" : ""]
            }
            var out = "Multipliers per \(units) of final demand (jobs: persons per \(units); income ×: Type I/II ratios)\n\n"
            out += TextTableRenderer.render(header: header, rows: rows, numericColumns: Set(2..<13))
            if let typeIINote { out += "\nType II not available: \(typeIINote).\n" }
            return out
        }
    }

    public func json() -> JSONValue {
        var top: [(String, JSONValue)] = [
            ("units", .string(units.label)),
            ("units_detail", .object([
                ("money", .string(units.label)),
                ("output_value_added_income_imports", .string("\(units) per \(units) of final demand")),
                ("employment", .string("persons per \(units) of final demand")),
                ("ratios", .string("dimensionless (Type I/II multipliers, linkage indices)")),
            ])),
        ]
        top.append(("type2_available", .bool(typeIINote == nil)))
        if let typeIINote { top.append(("type2_note", .string(typeIINote))) }
        if let openBLASCore { top.append(("openblas_core", .string(openBLASCore))) }
        top.append(("sectors", .array(multipliers.map { m in
            var pairs: [(String, JSONValue)] = [("code", .string(m.code)), ("label", .string(m.label))]
            for (name, value) in zip(Self.columns.dropFirst(2), Self.values(m)) { pairs.append((name, .number(value))) }
            pairs.append(("key_sector", .bool(m.isKeySector)))
            pairs.append(("taxes", .number(m.taxes)))
            return .object(pairs)
        })))
        return .object(top)
    }
}
