/// A purchaser-to-producer price bridge by industry code: how one won spent at a
/// merchant of a given KSIC code (or prefix; the longest matching prefix wins) splits
/// into what the model's final demand is made of (Miller & Blair 2009, §4.2.3 on trade
/// and transport margins; the US BEA "PCE bridge table" has the same shape).
///
/// Components of a purchase (shares of the purchaser's price, summing to 1 per code):
/// - `own`: the merchant's own output — for a shop its trade margin, for a restaurant
///   or a clinic the whole service — attributed to the sector(s) the concordance maps
///   the code to (or to `sector` when given). It is produced where the shop is;
/// - `margin`: trade or transport margins of others (wholesale, freight) → `sector`;
/// - `goods`: the goods themselves at producer prices → their producing `sector`; where
///   they are made is for the model to say (a two-region model splits them by the
///   region's purchase coefficients);
/// - `tax`: net taxes on products in the price (VAT, fuel taxes): no production;
/// - `imports`: imported goods bought as such: production abroad.
/// Codes without a bridge row are taken at face value: all `own`.
///
/// File (`--margins FILE`): `ksic,component,sector,share[,note]`, `#` comments allowed.
/// ```
/// ksic,component,sector,share,note
/// 473,own,,0.062,fuel station margin
/// 473,margin,19,0.025,refiner's distribution cost
/// 473,tax,,0.482,fuel taxes and VAT
/// 473,goods,06,0.431,petroleum products at producer prices
/// ```
public struct MarginTable: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case own, margin, goods, tax, imports

        /// Whether the component needs a sector.
        var needsSector: Bool { self == .margin || self == .goods }
        /// Whether the component may name a sector.
        var allowsSector: Bool { self != .tax && self != .imports }
    }

    /// One component of a code's purchases.
    public struct Component: Sendable, Equatable {
        public let kind: Kind
        /// Sector index in the table (nil for tax, imports, and `own` without a sector).
        public let sector: Int?
        public let share: Double
    }

    /// Key (code or prefix) → components (shares sum to 1).
    public let entries: [String: [Component]]
    let longestKey: Int

    public init(entries: [String: [Component]]) {
        self.entries = entries
        self.longestKey = entries.keys.map(\.count).max() ?? 0
    }

    /// The bridge for `code` (longest prefix) and its key, or nil.
    public func lookup(_ code: String) -> (key: String, components: [Component])? {
        var key = String(code.prefix(longestKey))
        while !key.isEmpty {
            if let components = entries[key] { return (key, components) }
            key.removeLast()
        }
        return nil
    }

    /// Total share of a kind in a component list.
    static func share(_ kind: Kind, in components: [Component]) -> Double {
        components.filter { $0.kind == kind }.reduce(0) { $0 + $1.share }
    }
}
