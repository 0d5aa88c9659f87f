extension Concordance {
    /// Maps net spending by code (won) to producer-price final demand in table units,
    /// splitting codes that have a margin-table row into own output, margins, goods, taxes
    /// and imports (`MarginTable`). Without `margins` every code is taken at face value.
    /// `wonPerUnit` converts won to the table's unit (1e6 for a table in million won).
    public func demand(spending: [(code: String, won: Int64)], margins: MarginTable?, sectorCount n: Int,
                       wonPerUnit: Double) -> CertificateDemand {
        var unbridged = [Double](repeating: 0, count: n)
        struct Accumulator { var won = 0.0; var own: [Double]; var margins: [Double]; var goods: [Double]; var components: [MarginTable.Component] }
        var groups: [String: Accumulator] = [:]
        var exact: Int64 = 0, prefix: Int64 = 0, bridged = 0.0
        var unmapped: [(String, Int64)] = []
        for (code, won) in spending {
            let (match, targets) = lookup(code)
            switch match {
            case .exact: exact += won
            case .prefix: prefix += won
            case .unmapped:
                unmapped.append((code, won))
                continue
            }
            let units = Double(won) / wonPerUnit
            guard let bridge = margins?.lookup(code) else {
                for t in targets { unbridged[t.sector] += units * t.share }
                continue
            }
            bridged += Double(won)
            var acc = groups[bridge.key] ?? Accumulator(
                own: [Double](repeating: 0, count: n), margins: [Double](repeating: 0, count: n),
                goods: [Double](repeating: 0, count: n), components: bridge.components)
            acc.won += Double(won)
            for c in bridge.components {
                switch c.kind {
                case .own:
                    if let sector = c.sector {
                        acc.own[sector] += units * c.share
                    } else {
                        for t in targets { acc.own[t.sector] += units * c.share * t.share }
                    }
                case .margin: acc.margins[c.sector!] += units * c.share
                case .goods: acc.goods[c.sector!] += units * c.share
                case .tax, .imports: break
                }
            }
            groups[bridge.key] = acc
        }
        unmapped.sort { $0.1 > $1.1 }
        let built = groups.sorted { $0.key < $1.key }.map { key, acc in
            CertificateDemand.Group(
                key: key, won: acc.won,
                ownShare: MarginTable.share(.own, in: acc.components), marginShare: MarginTable.share(.margin, in: acc.components),
                goodsShare: MarginTable.share(.goods, in: acc.components), taxShare: MarginTable.share(.tax, in: acc.components),
                importShare: MarginTable.share(.imports, in: acc.components),
                own: acc.own, margins: acc.margins, goods: acc.goods)
        }
        return CertificateDemand(sectorCount: n, unbridgedOwn: unbridged, groups: built, exactWon: exact, prefixWon: prefix,
                                 unmapped: unmapped, bridgedWon: bridged, wonPerUnit: wonPerUnit)
    }
}
