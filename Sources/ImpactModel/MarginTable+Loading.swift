extension MarginTable {
    /// Loads a margin table for `table` (sector codes are checked against it).
    public static func load(path: String, table: IOTable) throws(IOTableError) -> MarginTable {
        try MarginTable(csv: try readTextFile(path), source: path, table: table)
    }

    public init(csv text: String, source: String, table: IOTable) throws(IOTableError) {
        let parsed = try TextTable(text: text, source: source)
        guard let header = parsed.records.first else {
            throw IOTableError(.emptyTable, file: source, message: "the margin table is empty",
                               hint: "write a header ksic,component,sector,share and one row per component")
        }
        let names = header.fields.map { $0.trimmingWhitespace().lowercased() }
        guard let keyColumn = names.firstIndex(where: { $0 == "ksic" || $0 == "code" }),
              let kindColumn = names.firstIndex(of: "component"),
              let sectorColumn = names.firstIndex(of: "sector"),
              let shareColumn = names.firstIndex(of: "share") else {
            throw IOTableError(.missingColumn, file: source, line: header.line,
                               message: "the header must name the columns ksic, component, sector and share (found \(header.fields.joined(separator: ",")))",
                               hint: "write the header as ksic,component,sector,share,note")
        }
        var entries: [String: [Component]] = [:]
        var firstLine: [String: Int] = [:]
        var seen: [String: Int] = [:]
        for record in parsed.records.dropFirst() {
            let fields = record.fields
            guard fields.count >= max(keyColumn, kindColumn, sectorColumn, shareColumn) + 1 else {
                throw IOTableError(.malformedCSV, file: source, line: record.line,
                                   message: "row has \(fields.count) fields, fewer than the header's columns",
                                   hint: "write ksic,component,sector,share on every row (sector may be empty)")
            }
            let key = fields[keyColumn].trimmingWhitespace()
            guard !key.isEmpty else {
                throw IOTableError(.malformedCSV, file: source, line: record.line, column: keyColumn + 1,
                                   message: "empty industry code", hint: "write a code or prefix such as 47 or 473")
            }
            let kindText = fields[kindColumn].trimmingWhitespace().lowercased()
            guard let kind = Kind(rawValue: kindText) else {
                throw IOTableError(.malformedCSV, file: source, line: record.line, column: kindColumn + 1,
                                   message: "component '\(kindText)' is not one of \(Kind.allCases.map(\.rawValue).joined(separator: ", "))",
                                   hint: "own = the merchant's own output, margin = others' trade/transport margins, goods = the goods, tax = product taxes, imports = imported goods")
            }
            let sectorCode = fields[sectorColumn].trimmingWhitespace()
            var sector: Int?
            if sectorCode.isEmpty {
                if kind.needsSector {
                    throw IOTableError(.missingColumn, file: source, line: record.line, column: sectorColumn + 1,
                                       message: "a \(kind.rawValue) component needs a sector",
                                       hint: "name the table sector that produces the \(kind == .goods ? "goods" : "margin")")
                }
            } else {
                guard kind.allowsSector else {
                    throw IOTableError(.malformedCSV, file: source, line: record.line, column: sectorColumn + 1,
                                       message: "a \(kind.rawValue) component has no sector (found '\(sectorCode)')",
                                       hint: "leave the sector empty: \(kind.rawValue) is not produced in the table's economy")
                }
                guard let index = table.sectorIndex(of: sectorCode) else {
                    throw IOTableError(.unknownSector, file: source, line: record.line, column: sectorColumn + 1,
                                       message: "sector '\(sectorCode)' is not in the table \(table.source)",
                                       hint: "use one of the table's sector codes (lcimpact multipliers lists them)")
                }
                sector = index
            }
            let raw = fields[shareColumn].trimmingWhitespace()
            guard let share = Double(raw), share.isFinite, share > 0, share <= 1 else {
                throw IOTableError(.invalidShare, file: source, line: record.line, column: shareColumn + 1,
                                   message: "share '\(raw)' is not a number in (0, 1]",
                                   hint: "give the component's share of the purchaser's price")
            }
            let pair = key + "\u{0}" + kind.rawValue + "\u{0}" + sectorCode
            if let previous = seen[pair] {
                throw IOTableError(.duplicateMapping, file: source, line: record.line, column: keyColumn + 1,
                                   message: "code '\(key)' has the \(kind.rawValue) component\(sectorCode.isEmpty ? "" : " for sector '\(sectorCode)'") twice (also on line \(previous))",
                                   hint: "keep one row per code, component and sector")
            }
            seen[pair] = record.line
            entries[key, default: []].append(Component(kind: kind, sector: sector, share: share))
            if firstLine[key] == nil { firstLine[key] = record.line }
        }
        for (key, components) in entries {
            let sum = components.reduce(0) { $0 + $1.share }
            if abs(sum - 1) > 1e-6 {
                throw IOTableError(.invalidShare, file: source, line: firstLine[key],
                                   message: "the shares of code '\(key)' sum to \(formatNumber(sum)), not 1",
                                   hint: "make the components of each code add up to the whole purchase (1)")
            }
        }
        self.init(entries: entries)
    }
}
