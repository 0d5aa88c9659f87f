/// A row that was not counted, with where it was and why.
public struct QuarantinedRow: Sendable, Equatable {
    public let file: String
    /// 1-based physical line where the row starts.
    public let line: Int64
    /// 1-based field number of the offending field, when one field is at fault.
    public let column: Int?
    public let reason: QuarantineReason
    /// The row's raw bytes (without the line terminator).
    public let raw: [UInt8]

    public init(file: String, line: Int64, column: Int?, reason: QuarantineReason, raw: [UInt8]) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
        self.raw = raw
    }
}
