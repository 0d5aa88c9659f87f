/// The size of each sector in the region studied — employment (persons) or output
/// (table units) — the one regional datum the location-quotient methods need.
///
/// File (`lcimpact regionalize --employment FILE`): `sector,employment` or
/// `sector,output`, one row per sector of the national table; repeated sectors are
/// summed; sectors not listed are 0 (the region has none of them). `#` comments allowed.
/// ```
/// # Employment by sector in the city (persons), e.g. from the Census on Establishments
/// sector,employment
/// 01,2350
/// 03,1210
/// ```
public struct RegionalSectorSizes: Sendable {
    /// What the values measure.
    public enum Measure: String, Sendable {
        /// Persons employed; regional output is national output × regional / national employment.
        case employment
        /// Output in the table's units, used directly as regional output.
        case output
    }

    public let measure: Measure
    /// One value per sector of the table, in table order.
    public let values: [Double]
    /// Where the values came from, for messages and reports.
    public let source: String

    public init(measure: Measure, values: [Double], source: String) {
        self.measure = measure
        self.values = values
        self.source = source
    }

    /// Loads `sector,employment` or `sector,output` for `table`'s sectors.
    public static func load(path: String, table: IOTable) throws(IOTableError) -> RegionalSectorSizes {
        try RegionalSectorSizes(csv: try readTextFile(path), source: path, table: table)
    }

    public init(csv text: String, source: String, table: IOTable) throws(IOTableError) {
        let parsed = try TextTable(text: text, source: source)
        guard let header = parsed.records.first else {
            throw IOTableError(.emptyTable, file: source, message: "the regional file is empty",
                               hint: "write a header sector,employment (or sector,output) and one row per sector")
        }
        let names = header.fields.map { $0.trimmingWhitespace().lowercased() }
        guard let sectorColumn = names.firstIndex(of: "sector") else {
            throw IOTableError(.missingColumn, file: source, line: header.line,
                               message: "the header must name a sector column (found \(header.fields.joined(separator: ",")))",
                               hint: "write the header as sector,employment or sector,output")
        }
        let measure: Measure
        let valueColumn: Int
        if let column = names.firstIndex(of: "employment") {
            measure = .employment
            valueColumn = column
        } else if let column = names.firstIndex(of: "output") {
            measure = .output
            valueColumn = column
        } else {
            throw IOTableError(.missingColumn, file: source, line: header.line,
                               message: "the header must name an employment or an output column (found \(header.fields.joined(separator: ",")))",
                               hint: "write the header as sector,employment (persons) or sector,output (table units)")
        }
        var values = [Double](repeating: 0, count: table.sectorCount)
        for record in parsed.records.dropFirst() {
            let fields = record.fields
            guard fields.count == names.count else {
                throw IOTableError(.malformedCSV, file: source, line: record.line,
                                   message: "row has \(fields.count) fields, the header \(names.count)",
                                   hint: "write one sector and one value per row")
            }
            let code = fields[sectorColumn].trimmingWhitespace()
            guard let index = table.sectorIndex(of: code) else {
                throw IOTableError(.unknownSector, file: source, line: record.line, column: sectorColumn + 1,
                                   message: "sector '\(code)' is not in the table \(table.source)",
                                   hint: "use the national table's sector codes (lcimpact multipliers lists them)")
            }
            guard let value = parseNumericCell(fields[valueColumn]), value >= 0 else {
                throw IOTableError(.invalidNumber, file: source, line: record.line, column: valueColumn + 1,
                                   message: "\(measure.rawValue) '\(fields[valueColumn])' of sector '\(code)' is not a number ≥ 0",
                                   hint: "write the sector's \(measure == .employment ? "persons employed" : "output in \(table.units)") in the region")
            }
            values[index] += value
        }
        self.init(measure: measure, values: values, source: source)
    }
}
