/// Output formats of the report commands.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, json, markdown
}
