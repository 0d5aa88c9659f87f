/// An error in an input-output table, concordance or demand file: what went
/// wrong, where (file, line, column), and what to do about it.
public struct IOTableError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What kind of problem this is (stable, for tests and scripts).
    public enum Code: String, Sendable {
        case unreadableFile
        case malformedCSV
        case missingColumn
        case duplicateSector
        case sectorMismatch
        case invalidNumber
        case negativeValue
        case inconsistentTotals
        case zeroOutput
        case notProductive
        case singular
        case unknownSector
        case invalidShare
        case duplicateMapping
        case missingUnits
        case emptyTable
    }

    public let code: Code
    /// The file the problem is in.
    public let file: String
    /// 1-based line, when the problem is in one place.
    public let line: Int?
    /// 1-based column, when the problem is in one cell.
    public let column: Int?
    /// What is wrong.
    public let message: String
    /// What to do about it.
    public let hint: String

    public init(_ code: Code, file: String, line: Int? = nil, column: Int? = nil, message: String, hint: String) {
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return "\(location): error: \(message). \(hint)"
    }
}
