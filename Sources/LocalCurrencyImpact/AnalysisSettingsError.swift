/// A setting of the analysis that cannot be used, naming the flag.
public struct AnalysisSettingsError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { "error: \(message)" }
}
