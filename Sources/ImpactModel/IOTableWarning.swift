/// A problem in a table that does not stop the model but that a user must see
/// (for example a row/column balance off by more than the tolerance).
public struct IOTableWarning: Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): warning: \(message)" }
}
