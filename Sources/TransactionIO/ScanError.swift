/// An error that stops a scan: the file cannot be read, its header lacks a
/// required column, or too many rows were bad. Names the file (and line where
/// there is one) and says what to do.
public struct ScanError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case unreadableFile
        case emptyFile
        case missingColumns
        case tooManyBadRows
        case unwritableOutput
        case badMapping
        case corruptState
        case interrupted
        /// Internal: a parallel scan's guess that its chunk cuts lie outside quotes was wrong
        /// (a record spanning lines crossed one); `LogScan` scans the file again with exact
        /// cuts, so this never reaches its callers.
        case speculationFailed
    }

    public let code: Code
    public let file: String
    public let line: Int64?
    public let message: String
    public let hint: String

    public init(_ code: Code, file: String, line: Int64? = nil, message: String, hint: String) {
        self.code = code
        self.file = file
        self.line = line
        self.message = message
        self.hint = hint
    }

    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): error: \(message). \(hint)"
    }
}
