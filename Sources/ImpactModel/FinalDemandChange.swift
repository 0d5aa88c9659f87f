/// A final-demand change Δf by sector, in table units (the `impact --demand` file:
/// `sector,amount`, one row per sector; repeated sectors are summed; sectors not
/// listed are 0).
public struct FinalDemandChange: Sendable {
    /// Δf in table order.
    public let values: [Double]

    public init(values: [Double]) { self.values = values }

    /// Loads `sector,amount` rows for `table`'s sectors.
    public static func load(path: String, table: IOTable) throws(IOTableError) -> FinalDemandChange {
        try FinalDemandChange(csv: try readTextFile(path), source: path, table: table)
    }

    public init(csv text: String, source: String, table: IOTable) throws(IOTableError) {
        let parsed = try TextTable(text: text, source: source)
        guard let header = parsed.records.first else {
            throw IOTableError(.emptyTable, file: source, message: "the demand file is empty",
                               hint: "write a header sector,amount and one row per sector")
        }
        let names = header.fields.map { $0.trimmingWhitespace().lowercased() }
        guard let sectorColumn = names.firstIndex(of: "sector"), let amountColumn = names.firstIndex(of: "amount") else {
            throw IOTableError(.missingColumn, file: source, line: header.line,
                               message: "the header must name the columns sector and amount (found \(header.fields.joined(separator: ",")))",
                               hint: "write the header as sector,amount")
        }
        var values = [Double](repeating: 0, count: table.sectorCount)
        for record in parsed.records.dropFirst() {
            let fields = record.fields
            guard fields.count == header.fields.count else {
                throw IOTableError(.malformedCSV, file: source, line: record.line,
                                   message: "row has \(fields.count) fields, the header \(header.fields.count)",
                                   hint: "write one sector and one amount per row")
            }
            let code = fields[sectorColumn].trimmingWhitespace()
            guard let index = table.sectorIndex(of: code) else {
                throw IOTableError(.unknownSector, file: source, line: record.line, column: sectorColumn + 1,
                                   message: "sector '\(code)' is not in the table \(table.source)",
                                   hint: "use one of the table's sector codes (lcimpact multipliers lists them)")
            }
            guard let amount = parseNumericCell(fields[amountColumn]) else {
                throw IOTableError(.invalidNumber, file: source, line: record.line, column: amountColumn + 1,
                                   message: "amount '\(fields[amountColumn])' is not a number",
                                   hint: "write the amount in the table's units (\(table.units))")
            }
            values[index] += amount
        }
        self.values = values
    }
}
