/// A row that was not counted, with where it was and why.
public struct QuarantinedRow: Sendable, Equatable {
    public let file: String
    /// 1-based physical line where the row starts.
    public let line: Int64
    /// 1-based field number of the offending field, when one field is at fault.
    public let column: Int?
    public let reason: QuarantineReason
    /// The row's raw bytes (without the line terminator), at most `rawLimit` of them.
    public let raw: [UInt8]
    /// The row's full length in bytes (more than `raw.count` when the row was cut).
    public let rawLength: Int

    /// The most raw bytes kept per row (64 KiB): a quote left open early in a large file makes
    /// the rest of the file one "row", which must not be copied into memory.
    public static let rawLimit = 1 << 16

    /// The longest row read as a row (64 MiB of content); a longer one is quarantined as
    /// `record_too_long`, whatever it holds, so a gzip log need not keep it in memory
    /// (`LongRecordSkipper`) and gives what the plain log gives.
    public static let recordLimit = 1 << 26

    public init(file: String, line: Int64, column: Int?, reason: QuarantineReason, raw: [UInt8], rawLength: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
        self.raw = raw
        self.rawLength = rawLength ?? raw.count
    }

    /// A row whose raw bytes are `bytes`, keeping the first `rawLimit` of them.
    public init(file: String, line: Int64, column: Int?, reason: QuarantineReason, bytes: UnsafeRawBufferPointer) {
        self.init(file: file, line: line, column: column, reason: reason,
                  raw: Array(UnsafeRawBufferPointer(rebasing: bytes[0..<min(bytes.count, Self.rawLimit)])),
                  rawLength: bytes.count)
    }

    /// The same row `lines` lines further down (rows found in a chunk or a buffer carry
    /// lines relative to its start).
    public func movedDown(by lines: Int64) -> QuarantinedRow {
        QuarantinedRow(file: file, line: line + lines, column: column, reason: reason, raw: raw, rawLength: rawLength)
    }
}
