/// Where each canonical column sits in a file's header, and how to read status values.
public struct TransactionSchema: Sendable, Equatable {
    /// Field index (0-based) of each canonical column found in the header.
    public let fieldIndex: [CanonicalColumn: Int]
    /// The source header name each canonical column was found under.
    public let sourceNames: [CanonicalColumn: String]
    /// Number of fields in the header (every row must have this many).
    public let fieldCount: Int
    /// The status words in force for this file.
    public let status: StatusVocabulary

    /// Matches header names to canonical columns (see `SchemaMapping`). Throws when a
    /// required column is missing, naming it and listing the header, or when an
    /// explicitly mapped source column is absent.
    public init(header: [String], file: String, mapping: SchemaMapping = SchemaMapping()) throws(ScanError) {
        let names = header.map { $0.trimmingCharacters(in: " \t\"\u{FEFF}").lowercased() }
        func position(of name: String) -> Int? { names.firstIndex(of: name.lowercased()) }
        var index: [CanonicalColumn: Int] = [:]
        var source: [CanonicalColumn: String] = [:]
        for column in CanonicalColumn.allCases {
            if let explicit = mapping.explicit[column] {
                guard let k = position(of: explicit) else {
                    throw ScanError(
                        .missingColumns, file: file, line: 1,
                        message: "the mapping names source column '\(explicit)' for \(column.rawValue), but the header has no such column (header: \(header.joined(separator: ",")))",
                        hint: "correct the mapping (file or --column \(column.rawValue)=…) to a name in the header")
                }
                index[column] = k
                source[column] = header[k]
                continue
            }
            for candidate in [column.rawValue] + (SchemaMapping.koreanPreset[column] ?? []) {
                if let k = position(of: candidate) {
                    index[column] = k
                    source[column] = header[k]
                    break
                }
            }
        }
        // A timestamp split over date and time columns stands in for ts. ts wins when the header
        // has both, unless the mapping names the date and time columns (and not ts).
        let splitExplicit = mapping.explicit[.date] != nil && mapping.explicit[.time] != nil
        if index[.timestamp] != nil && (mapping.explicit[.timestamp] != nil || !splitExplicit) {
            index[.date] = nil; index[.time] = nil
            source[.date] = nil; source[.time] = nil
        } else if index[.date] != nil && index[.time] != nil {
            index[.timestamp] = nil
            source[.timestamp] = nil
        }
        var missing = CanonicalColumn.required.filter { index[$0] == nil }
        if missing.first == .timestamp, let half = [CanonicalColumn.date, .time].first(where: { index[$0] != nil }),
           let other = [CanonicalColumn.date, .time].first(where: { index[$0] == nil }) {
            throw ScanError(
                .missingColumns, file: file, line: 1,
                message: "the header has a \(half.rawValue) column '\(source[half]!)' but no \(other.rawValue) column to go with it, and no ts column (header: \(header.joined(separator: ",")))",
                hint: "map the \(other.rawValue) column with --column \(other.rawValue)=… (or a timestamp column with --column ts=…); hour-of-day profiles and time spans need the clock time")
        }
        if missing.first == .timestamp && index[.date] != nil && index[.time] != nil { missing.removeFirst() }
        if !missing.isEmpty {
            throw ScanError(
                .missingColumns, file: file, line: 1,
                message: "the header lacks the required column(s) \(missing.map { $0 == .timestamp ? "ts (or date and time)" : $0.rawValue }.joined(separator: ", ")) (header: \(header.joined(separator: ",")))",
                hint: "map the source columns with --column canonical=source or --schema FILE (canonical names: \(CanonicalColumn.allCases.map(\.rawValue).joined(separator: ",")); a Korean preset is built in); if the header looks garbled, try --encoding cp949")
        }
        var status = StatusVocabulary.standard
        if let name = source[.status], SchemaMapping.cancellationFlagNames.contains(name.trimmingCharacters(in: " \t\"").lowercased()) {
            status = .cancellationFlag
        }
        status.approved += mapping.extraApproved
        status.cancelled += mapping.extraCancelled
        self.fieldIndex = index
        self.sourceNames = source
        self.fieldCount = header.count
        self.status = status
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        let chars = Set(set)
        guard let first = firstIndex(where: { !chars.contains($0) }) else { return "" }
        let last = lastIndex(where: { !chars.contains($0) })!
        return String(self[first...last])
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String { String(self).trimmingCharacters(in: set) }
}
