extension Concordance {
    /// Loads a concordance file for `table` (sector codes are checked against it).
    public static func load(path: String, table: IOTable) throws(IOTableError) -> Concordance {
        try Concordance(csv: try readTextFile(path), source: path, table: table)
    }

    public init(csv text: String, source: String, table: IOTable) throws(IOTableError) {
        let parsed = try TextTable(text: text, source: source)
        guard let header = parsed.records.first else {
            throw IOTableError(.emptyTable, file: source, message: "the concordance is empty",
                               hint: "write a header ksic,sector,share and one row per mapping")
        }
        let names = header.fields.map { $0.trimmingWhitespace().lowercased() }
        guard let codeColumn = names.firstIndex(where: { $0 == "ksic" || $0 == "code" }),
              let sectorColumn = names.firstIndex(of: "sector") else {
            throw IOTableError(.missingColumn, file: source, line: header.line,
                               message: "the header must name the columns ksic and sector (found \(header.fields.joined(separator: ",")))",
                               hint: "write the header as ksic,sector,share,note (share and note optional)")
        }
        let shareColumn = names.firstIndex(of: "share")
        var entries: [String: [Target]] = [:]
        var firstLine: [String: Int] = [:]
        var seenPairs: [String: Int] = [:]
        for record in parsed.records.dropFirst() {
            let fields = record.fields
            guard fields.count >= max(codeColumn, sectorColumn, shareColumn ?? 0) + 1 else {
                throw IOTableError(.malformedCSV, file: source, line: record.line,
                                   message: "row has \(fields.count) fields, fewer than the header's columns",
                                   hint: "write ksic,sector,share on every row")
            }
            let key = fields[codeColumn].trimmingWhitespace()
            let sectorCode = fields[sectorColumn].trimmingWhitespace()
            guard !key.isEmpty else {
                throw IOTableError(.malformedCSV, file: source, line: record.line, column: codeColumn + 1,
                                   message: "empty industry code", hint: "write a code or prefix such as 56 or 56111")
            }
            guard let sector = table.sectorIndex(of: sectorCode) else {
                throw IOTableError(.unknownSector, file: source, line: record.line, column: sectorColumn + 1,
                                   message: "sector '\(sectorCode)' is not in the table \(table.source)",
                                   hint: "use one of the table's sector codes (lcimpact multipliers lists them)")
            }
            var share = 1.0
            if let shareColumn {
                let raw = fields[shareColumn].trimmingWhitespace()
                if !raw.isEmpty {
                    guard let s = Double(raw), s.isFinite, s > 0, s <= 1 else {
                        throw IOTableError(.invalidShare, file: source, line: record.line, column: shareColumn + 1,
                                           message: "share '\(raw)' is not a number in (0, 1]",
                                           hint: "give the fraction of the code's spending that goes to this sector")
                    }
                    share = s
                }
            }
            let pair = key + "\u{0}" + sectorCode
            if let previous = seenPairs[pair] {
                throw IOTableError(.duplicateMapping, file: source, line: record.line, column: codeColumn + 1,
                                   message: "code '\(key)' is mapped to sector '\(sectorCode)' twice (also on line \(previous))",
                                   hint: "keep one row per code and sector; split with shares on separate sectors")
            }
            seenPairs[pair] = record.line
            entries[key, default: []].append(Target(sector: sector, share: share))
            if firstLine[key] == nil { firstLine[key] = record.line }
        }
        for (key, targets) in entries {
            let sum = targets.reduce(0) { $0 + $1.share }
            if abs(sum - 1) > 1e-6 {
                throw IOTableError(.invalidShare, file: source, line: firstLine[key],
                                   message: "the shares of code '\(key)' sum to \(sum), not 1",
                                   hint: "make the shares of each code add up to 1")
            }
        }
        self.init(entries: entries)
    }
}
