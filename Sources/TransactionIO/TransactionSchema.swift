/// Where each canonical column sits in a file's header.
public struct TransactionSchema: Sendable, Equatable {
    /// Field index (0-based) of each canonical column found in the header.
    public let fieldIndex: [CanonicalColumn: Int]
    /// Number of fields in the header (every row must have this many).
    public let fieldCount: Int

    /// Matches header names to canonical columns (exact names, case-insensitive,
    /// surrounding spaces and quotes ignored); extra columns are ignored.
    /// Throws when a required column is missing, naming it and listing the header.
    public init(header: [String], file: String) throws(ScanError) {
        var index: [CanonicalColumn: Int] = [:]
        for (k, rawName) in header.enumerated() {
            let name = rawName.trimmingCharacters(in: " \t\"").lowercased()
            if let column = CanonicalColumn(rawValue: name), index[column] == nil {
                index[column] = k
            }
        }
        let missing = CanonicalColumn.required.filter { index[$0] == nil }
        if !missing.isEmpty {
            throw ScanError(
                .missingColumns, file: file, line: 1,
                message: "the header lacks the required column(s) \(missing.map(\.rawValue).joined(separator: ", ")) (header: \(header.joined(separator: ",")))",
                hint: "rename the source columns to the canonical names (\(CanonicalColumn.allCases.map(\.rawValue).joined(separator: ",")))")
        }
        self.fieldIndex = index
        self.fieldCount = header.count
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
