/// The money unit of a table (declared with `# units: …` or `--units`), and how
/// many won one unit is, so spending in won can be converted into table units.
///
/// Recognised: `won`, `thousand won`, `million won`, `100 million won` / `억원`,
/// `billion won` / `10억원`, `trillion won` / `조원`, plus Korean `천원`, `백만원`.
/// Anything else (for example `dollars` in a textbook table) is kept as a label;
/// then `wonPerUnit` is nil and won amounts cannot be converted without an explicit factor.
public struct MoneyUnit: Sendable, Equatable, CustomStringConvertible {
    /// The unit as the user wrote it, e.g. "million won".
    public let label: String
    /// Won in one unit, when the unit is a won multiple.
    public let wonPerUnit: Double?

    public init(label: String, wonPerUnit: Double?) {
        self.label = label
        self.wonPerUnit = wonPerUnit
    }

    /// Parses a unit label.
    public init(parsing raw: String) {
        let label = raw.trimmingWhitespace()
        let key = label.lowercased().replacingSpaces()
        let known: [String: Double] = [
            "won": 1, "krw": 1, "원": 1,
            "thousandwon": 1e3, "thousandkrw": 1e3, "천원": 1e3,
            "millionwon": 1e6, "millionkrw": 1e6, "백만원": 1e6,
            "100millionwon": 1e8, "hundredmillionwon": 1e8, "억원": 1e8,
            "billionwon": 1e9, "billionkrw": 1e9, "10억원": 1e9, "십억원": 1e9,
            "trillionwon": 1e12, "조원": 1e12,
        ]
        self.init(label: label, wonPerUnit: known[key])
    }

    public var description: String { label }
}

extension String {
    fileprivate func replacingSpaces() -> String {
        String(filter { $0 != " " && $0 != "_" && $0 != "-" })
    }
}
