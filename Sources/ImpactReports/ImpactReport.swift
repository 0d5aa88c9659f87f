import ImpactModel

/// An impact result as table, CSV or JSON. Output (production) and value added
/// are reported side by side and never summed: value added is part of output.
public struct ImpactReport: Sendable {
    public let result: ImpactResult

    public init(result: ImpactResult) { self.result = result }

    static let columns = [
        "code", "label", "demand", "output_type1", "value_added_type1", "income_type1", "employment_type1",
        "imports_type1", "output_type2", "value_added_type2", "income_type2", "employment_type2", "imports_type2",
        "taxes_type1", "taxes_type2",
    ]

    static func values(_ s: SectorImpact) -> [Double?] {
        [s.demand, s.outputType1, s.valueAddedType1, s.incomeType1, s.employmentType1, s.importsType1,
         s.outputType2, s.valueAddedType2, s.incomeType2, s.employmentType2, s.importsType2, s.taxesType1, s.taxesType2]
    }

    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .json: return json().serialized() + "\n"
        case .csv:
            var out = CSVWriter.row(Self.columns)
            for s in result.sectors + [result.total] {
                out += CSVWriter.row([s.code, s.label] + Self.values(s).map(CSVWriter.number))
            }
            return out
        case .table, .markdown:
            let header = ["code", "label", "demand", "output I", "value added I", "income I", "jobs I", "imports I",
                          "output II", "value added II", "jobs II"]
            let rows = (result.sectors + [result.total]).map { s -> [String] in
                [s.code, String(s.label.prefix(34)),
                 TextTableRenderer.number(s.demand, decimals: 1), TextTableRenderer.number(s.outputType1, decimals: 1),
                 TextTableRenderer.number(s.valueAddedType1, decimals: 1), TextTableRenderer.number(s.incomeType1, decimals: 1),
                 TextTableRenderer.number(s.employmentType1, decimals: 1), TextTableRenderer.number(s.importsType1, decimals: 1),
                 TextTableRenderer.number(s.outputType2, decimals: 1), TextTableRenderer.number(s.valueAddedType2, decimals: 1),
                 TextTableRenderer.number(s.employmentType2, decimals: 1)]
            }
            var out = "Impact of the final-demand change (money in \(result.units); jobs in persons)\n\n"
            out += TextTableRenderer.render(header: header, rows: rows, numericColumns: Set(2..<11))
            out += "\nOutput (production inducement) and value added are separate measures of one effect;\n"
            out += "value added is part of output, so the two must never be added together.\n"
            return out
        }
    }

    public func json() -> JSONValue {
        func entry(_ s: SectorImpact) -> JSONValue {
            var pairs: [(String, JSONValue)] = [("code", .string(s.code)), ("label", .string(s.label))]
            for (name, value) in zip(Self.columns.dropFirst(2), Self.values(s)) { pairs.append((name, .number(value))) }
            return .object(pairs)
        }
        return .object([
            ("units", .string(result.units.label)),
            ("units_detail", .object([
                ("money", .string(result.units.label)), ("employment", .string("persons")),
            ])),
            ("type2_available", .bool(result.hasTypeII)),
            ("note", .string("output and value added are separate measures; value added is part of output and must not be added to it")),
            ("sectors", .array(result.sectors.map(entry))),
            ("total", entry(result.total)),
            ("household_income_type2", .number(result.householdIncomeType2)),
        ])
    }
}
