/// Certificate spending (purchasers' prices, won) turned into final demand at producer
/// prices (table units), kept in parts so that a model can place each part and a Monte
/// Carlo run can vary the margin rates without redoing the mapping:
///
/// - `unbridgedOwn`: spending at codes without a margin-table row — all of it the
///   merchants' own output, in the sectors the concordance maps the codes to;
/// - `groups`: spending at codes with a margin-table row, one group per margin-table key,
///   each with its own-output, margin and goods vectors and its tax and import shares;
/// - the merchants' own output (`own`) is produced in the region by construction — the
///   certificate can only be spent at local merchants — while margins and goods
///   (`supplied`) are produced wherever the model's purchase coefficients say.
public struct CertificateDemand: Sendable {
    /// Spending at codes sharing one margin-table key.
    public struct Group: Sendable {
        public let key: String
        /// Net won at the codes of this key.
        public let won: Double
        /// Shares of the purchaser's price.
        public let ownShare, marginShare, goodsShare, taxShare, importShare: Double
        /// Table-unit vectors of the own-output, margin and goods parts at the table's rates.
        public let own: [Double]
        public let margins: [Double]
        public let goods: [Double]
    }

    public let sectorCount: Int
    public let unbridgedOwn: [Double]
    public let groups: [Group]
    /// Coverage of the concordance (as for `ConcordanceMapping`): won mapped by exact
    /// code, by prefix, and codes not mapped (left out of the demand).
    public let exactWon: Int64
    public let prefixWon: Int64
    public let unmapped: [(code: String, won: Int64)]
    /// Won at codes with a margin-table row.
    public let bridgedWon: Double
    /// Won per table unit used for the conversion.
    public let wonPerUnit: Double

    public var unmappedWon: Int64 { unmapped.reduce(0) { $0 + $1.won } }
    public var totalWon: Int64 { exactWon + prefixWon + unmappedWon }
    /// Product taxes in the spending (won), at the table's margin rates.
    public var taxesWon: Double { groups.reduce(0) { $0 + $1.won * $1.taxShare } }
    /// Imported goods bought as such (won).
    public var importsWon: Double { groups.reduce(0) { $0 + $1.won * $1.importShare } }

    /// Own output (produced by the merchants, in the region) and supplied margins and goods,
    /// in table units. `marginFactors[k]` scales the own and margin shares of group k
    /// (goods absorb the difference; taxes and imports stay), for Monte Carlo draws;
    /// factors are capped so that goods never turn negative.
    public func vectors(marginFactors: [Double]? = nil) -> (own: [Double], supplied: [Double]) {
        var own = unbridgedOwn
        var supplied = [Double](repeating: 0, count: sectorCount)
        for (k, g) in groups.enumerated() {
            let (ownScale, goodsScale) = Self.scales(group: g, factor: marginFactors?[k] ?? 1)
            for i in 0..<sectorCount {
                own[i] += g.own[i] * ownScale
                supplied[i] += g.margins[i] * ownScale + g.goods[i] * goodsScale
            }
        }
        return (own, supplied)
    }

    /// The scales applied to (own, margins) and to goods for a margin factor u: own and
    /// margins × u, goods × (g + (1 − u)(o + m))/g, with u capped at (o + m + g)/(o + m).
    static func scales(group g: Group, factor u: Double) -> (Double, Double) {
        let marginLike = g.ownShare + g.marginShare
        guard marginLike > 0 else { return (1, 1) }
        let cap = g.goodsShare > 0 ? (marginLike + g.goodsShare) / marginLike : 1
        let factor = min(max(u, 0), cap)
        let goodsScale = g.goodsShare > 0 ? (g.goodsShare + (1 - factor) * marginLike) / g.goodsShare : 1
        return (g.goodsShare > 0 ? factor : 1, goodsScale)
    }
}
