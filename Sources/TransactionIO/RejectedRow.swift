/// A quarantined row as a chunk's parse keeps it: where its bytes lie in the parsed data,
/// not a copy of them (32 bytes). The driver makes the rows it lists into `QuarantinedRow`s
/// (copying their bytes) after the chunk, while the data is still there; see
/// `QuarantineListing` for which.
struct RejectedRow {
    /// Line relative to the chunk's start (0 = its first line).
    var line: Int64
    /// The row's bytes `[start, end)` in the parsed data, without the line terminator.
    var start: Int
    var end: Int
    /// 1-based field number at fault, 0 for none.
    var column: Int32
    var reason: QuarantineReason
}
