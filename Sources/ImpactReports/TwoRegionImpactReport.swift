import ImpactModel

/// A two-region impact as table, CSV or JSON: every measure in the region, in the rest of
/// the nation (spill-over) and in total, Type I and II, side by side and never summed
/// across measures (value added is part of output).
public struct TwoRegionImpactReport: Sendable {
    public let result: TwoRegionImpactResult

    public init(result: TwoRegionImpactResult) { self.result = result }

    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .json: return json().serialized() + "\n"
        case .csv:
            var out = CSVWriter.row(["place"] + ImpactReport.columns)
            for s in result.inRegion { out += CSVWriter.row(["in_region", s.code, s.label] + ImpactReport.values(s).map(CSVWriter.number)) }
            for s in result.restOfNation { out += CSVWriter.row(["rest_of_nation", s.code, s.label] + ImpactReport.values(s).map(CSVWriter.number)) }
            for s in [result.totalInRegion, result.totalRestOfNation, result.total] {
                out += CSVWriter.row(["total", s.code, s.label] + ImpactReport.values(s).map(CSVWriter.number))
            }
            return out
        case .table, .markdown:
            let units = result.units.label
            let n: (Double?) -> String = { TextTableRenderer.number($0, decimals: 1) }
            let r = result.totalInRegion, s = result.totalRestOfNation, t = result.total
            func line(_ name: String, _ unit: String, _ get: (SectorImpact) -> Double?) -> [String] {
                [name, n(get(r)), n(get(s)), n(get(t)), unit]
            }
            var rows: [[String]] = [
                line("Output I", units) { $0.outputType1 }, line("Output II", units) { $0.outputType2 },
                line("Value added I", units) { $0.valueAddedType1 }, line("Value added II", units) { $0.valueAddedType2 },
                line("Income I", units) { $0.incomeType1 }, line("Income II", units) { $0.incomeType2 },
                line("Employment I", "persons") { $0.employmentType1 }, line("Employment II", "persons") { $0.employmentType2 },
                line("Imports from abroad I", units) { $0.importsType1 }, line("Imports from abroad II", units) { $0.importsType2 },
            ]
            if t.taxesType1 != nil { rows.append(line("Net taxes on production I", units) { $0.taxesType1 }) }
            var out = "Two-region impact: in the region, spill-over to the rest of the nation, total (money in \(units))\n\n"
            out += TextTableRenderer.render(header: ["measure", "in region", "rest of nation", "total", "unit"], rows: rows, numericColumns: [1, 2, 3])
            if let share = result.inRegionShareOfOutputTypeI {
                out += "\nShare of the Type I output effect that stays in the region: \(TextTableRenderer.number(100 * share, decimals: 1)) %"
                if let share2 = result.inRegionShareOfOutputTypeII { out += " (Type II: \(TextTableRenderer.number(100 * share2, decimals: 1)) %)" }
                out += ".\n"
            }
            out += "Output and value added are separate measures of one effect; value added is part of output, so the two\nmust never be added together.\n"
            return out
        }
    }

    public func json() -> JSONValue {
        func entries(_ list: [SectorImpact]) -> JSONValue {
            .array(list.map { s in
                var pairs: [(String, JSONValue)] = [("code", .string(s.code)), ("label", .string(s.label))]
                for (name, value) in zip(ImpactReport.columns.dropFirst(2), ImpactReport.values(s)) { pairs.append((name, .number(value))) }
                return .object(pairs)
            })
        }
        return .object([
            ("units", .string(result.units.label)),
            ("units_detail", .object([("money", .string(result.units.label)), ("employment", .string("persons"))])),
            ("type2_available", .bool(result.hasTypeII)),
            ("note", .string("output and value added are separate measures; value added is part of output and must not be added to it")),
            ("in_region_share_of_output_type1", .number(result.inRegionShareOfOutputTypeI)),
            ("in_region_share_of_output_type2", .number(result.inRegionShareOfOutputTypeII)),
            ("totals", entries([result.totalInRegion, result.totalRestOfNation, result.total])),
            ("in_region", entries(result.inRegion)),
            ("rest_of_nation", entries(result.restOfNation)),
        ])
    }
}
