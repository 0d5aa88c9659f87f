/// A concordance from industry codes (KSIC codes or prefixes, or any code the
/// merchant data uses) to IO sectors, with shares for codes split over several
/// sectors. Lookup takes the longest key that is a prefix of the code; a code no
/// key matches is unmapped and reported with its spending, never dropped silently.
///
/// File format (`ksic,sector[,share][,note]`, `#` comments allowed):
/// ```
/// ksic,sector,share,note
/// 56,22,1,Food services (division 56)
/// 473,20,0.5,Fuel retail: margin
/// 473,06,0.5,Fuel retail: the fuel itself
/// ```
/// The shares of one key must sum to 1.
public struct Concordance: Sendable {
    /// A sector and the share of a code's spending it receives.
    public struct Target: Sendable, Equatable {
        public let sector: Int
        public let share: Double
    }

    /// Key (code or prefix) → targets.
    public let entries: [String: [Target]]
    /// Longest key length.
    let longestKey: Int

    public init(entries: [String: [Target]]) {
        self.entries = entries
        self.longestKey = entries.keys.map(\.count).max() ?? 0
    }

    /// How a code was matched.
    public enum Match: Sendable, Equatable {
        case exact(key: String)
        case prefix(key: String)
        case unmapped
    }

    /// The targets for `code` and how they were found.
    public func lookup(_ code: String) -> (match: Match, targets: [Target]) {
        var key = String(code.prefix(longestKey))
        while !key.isEmpty {
            if let targets = entries[key] {
                return (key == code ? .exact(key: key) : .prefix(key: key), targets)
            }
            key.removeLast()
        }
        return (.unmapped, [])
    }
}
