extension ChunkParser.Outcome {
    /// The kept quarantined rows that `listing` admits, in order, as `QuarantinedRow`s `lines`
    /// lines further down, with their bytes copied from `data` (the data this outcome's parse
    /// read, still in place). A parse that kept `listing.rowsLeft` rows (or all of its rows)
    /// kept every row the listing can admit from it.
    func listed(in data: UnsafeRawBufferPointer, file: String, movedDown lines: Int64,
                listing: inout QuarantineListing) -> [QuarantinedRow] {
        var rows: [QuarantinedRow] = []
        for r in rejected {
            guard listing.admit(rawBytes: min(r.end - r.start, QuarantinedRow.rawLimit)) else { break }
            rows.append(QuarantinedRow(file: file, line: r.line + lines, column: r.column == 0 ? nil : Int(r.column),
                                       reason: r.reason, bytes: UnsafeRawBufferPointer(rebasing: data[r.start..<r.end])))
        }
        return rows
    }
}
