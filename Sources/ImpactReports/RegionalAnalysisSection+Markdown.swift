import ImpactModel

extension RegionalAnalysisSection {
    /// The regional sections of `summary.md`.
    public func markdown() -> String {
        let units = self.units.label
        let d = demand
        let net = netEffect
        let n1: (Double?) -> String = { TextTableRenderer.number($0, decimals: 1) }
        let won: (Double) -> String = { TextTableRenderer.number($0, decimals: 0) }
        let pct: (Double?) -> String = { $0.map { TextTableRenderer.number(100 * $0, decimals: 1) + " %" } ?? "-" }
        var out = ""

        out += "## From spending to final demand (purchaser → producer prices)\n\n"
        let (own, supplied) = d.vectors()
        let ownWon = own.reduce(0, +) * d.wonPerUnit, suppliedWon = supplied.reduce(0, +) * d.wonPerUnit
        let total = Double(d.totalWon)
        out += "| part of the spending | won | share |\n|---|---:|---:|\n"
        out += "| merchants' own output (trade margins, services), produced in the region | \(won(ownWon)) | \(pct(total > 0 ? ownWon / total : nil)) |\n"
        out += "| goods and others' margins (wholesale, transport), produced wherever the model places them | \(won(suppliedWon)) | \(pct(total > 0 ? suppliedWon / total : nil)) |\n"
        out += "| product taxes in the price (VAT, fuel taxes): no production | \(won(d.taxesWon)) | \(pct(total > 0 ? d.taxesWon / total : nil)) |\n"
        out += "| imported goods bought as such | \(won(d.importsWon)) | \(pct(total > 0 ? d.importsWon / total : nil)) |\n"
        out += "| not mapped to a sector (left out) | \(won(Double(d.unmappedWon))) | \(pct(total > 0 ? Double(d.unmappedWon) / total : nil)) |\n\n"
        if let marginsSource {
            out += "Margin table: \(marginsSource) (\(pct(total > 0 ? d.bridgedWon / total : nil)) of the spending has a margin row; the rest is taken at face value).\n\n"
        } else {
            out += "No margin table was given: every won counts as output of the merchant's sector, which overstates local effects of retail spending (pass --margins).\n\n"
        }

        if let r = regionalization {
            out += "## Where the effects occur (gross: as if all spending were new)\n\n"
            out += "Two-region model: the region against the rest of the nation, regionalized by \(r.method.rawValue.uppercased())"
            if r.method.usesDelta, let lambda = r.lambda { out += " (δ = \(TextTableRenderer.number(r.delta, decimals: 2)), λ* = \(TextTableRenderer.number(lambda, decimals: 3)))" }
            out += " from \(r.sizes.source); the region holds \(pct(r.regionalShare)) of the nation's \(r.sizes.measure.rawValue)"
            if let regionalTableSource { out += "; the region's own coefficients come from \(regionalTableSource)" }
            out += ".\n\n"
            if let g = grossTwoRegion {
                out += TwoRegionImpactReport(result: g).render(.table).split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2)
                    .joined(separator: "\n") + "\n"
                out += "For comparison: the Korea Research Institute for Local Administration (KRILA 2019) estimated that about 34 % of the\n"
                out += "production induced by local currency nationally stayed in the issuing regions.\n\n"
            }
        }

        out += "## Net effects and costs\n\n"
        let p = net.parameters
        out += "Assumptions (each a flag; sources in docs/REGIONAL.md):\n\n"
        out += "- incremental share \(pct(p.incrementalShare)) of the spending is new spending at the region's merchants (default: KRILA 2019's conservative scenario, only the discount is new)\n"
        out += "- displaced from other regions: \(pct(p.displacedShare)) of the incremental spending (KIPF 2020 argues much of the regional gain is such a shift)\n"
        out += "- discount \(pct(p.discountRate)) of issuance, paid by nation \(pct(p.fundingShares.nation)), province \(pct(p.fundingShares.province)), city \(pct(p.fundingShares.city))\n"
        out += "- issuance and operating costs \(pct(p.issuanceCostRate)) and deadweight loss \(pct(p.deadweightLossRate)) of issuance (KIPF 2020)\n"
        out += "- issuance: \(won(net.issuanceWon)) won\(p.issuanceWon == nil ? " (taken as the certificate spending analysed)" : "")\n\n"
        let nationalName = net.nationalIsNation ? "nation" : "table's economy"
        out += "| measure | gross, in region | net, in region | net, \(nationalName) | unit |\n|---|---:|---:|---:|---|\n"
        for (measure, name) in [(EffectMeasure.output, "Output"), (.valueAdded, "Value added"), (.income, "Household income"), (.employment, "Employment")] {
            for typeII in [false, true] where !typeII || net.gross.typeII != nil {
                guard let g = net.gross.value(measure, .inRegion, typeII: typeII) else { continue }
                let unit = measure.isMoney ? units : "persons"
                out += "| \(name) (Type \(typeII ? "II" : "I")) | \(n1(g)) | \(n1(net.netRegional.value(measure, .inRegion, typeII: typeII))) | \(n1(net.netNational.total(measure, typeII: typeII))) | \(unit) |\n"
            }
        }
        let perUnit = d.wonPerUnit
        out += "\n| cost | won | \(units) |\n|---|---:|---:|\n"
        for (name, value) in [("discount, paid by the nation", net.discountByNationWon), ("discount, paid by the province", net.discountByProvinceWon),
                              ("discount, paid by the city", net.discountByCityWon), ("issuance and operating costs (city)", net.operatingCostWon),
                              ("deadweight loss (nation, no budget line)", net.deadweightLossWon), ("costs borne by the city", net.cityCostWon),
                              ("all costs", net.nationalCostWon)] {
            out += "| \(name) | \(won(value)) | \(n1(value / perUnit)) |\n"
        }
        let ratio: (Double?) -> String = { TextTableRenderer.number($0, decimals: 2) }
        out += "\nBenefit–cost ratios compare net **value added** with costs (not output, which counts intermediate inputs again at every stage):\n\n"
        out += "- region: net value added in the region / the city's costs = \(ratio(net.regionalBenefitCostRatio())) (Type I), \(ratio(net.regionalBenefitCostRatio(typeII: true))) (Type II)\n"
        out += "- \(nationalName): net value added / all costs = \(ratio(net.nationalBenefitCostRatio())) (Type I), \(ratio(net.nationalBenefitCostRatio(typeII: true))) (Type II)\n"
        out += "\nA ratio below 1 means the programme costs more than the income it adds.\n\n"

        for bands in [demandBands, coefficientBands].compactMap({ $0 }) {
            let label = bands.kind == "demand" ? "incremental share and margin rates" : "incremental share, margin rates and input coefficients"
            out += "## Uncertainty: \(bands.draws) draws of the \(label) (seed \(bands.seed))\n\n"
            let ps = bands.percentiles.map { "p\(Int(($0 * 100).rounded()))" }
            out += "| net effect | place | type | " + ps.joined(separator: " | ") + " | mean | unit |\n|---|---|---|" + ps.map { _ in "---:|" }.joined() + "---:|---|\n"
            for band in bands.bands where [.output, .valueAdded, .employment].contains(band.measure) {
                let unit = band.measure.isMoney ? units : "persons"
                out += "| \(band.measure.rawValue) | \(band.place) | \(band.typeII ? "II" : "I") | " + band.values.map(n1).joined(separator: " | ") + " | \(n1(band.mean)) | \(unit) |\n"
            }
            if let share = bands.inRegionShare {
                out += "| share of output in the region | | I | " + share.values.map { pct($0) }.joined(separator: " | ") + " | \(pct(share.mean)) | |\n"
            }
            if bands.fallbacks > 0 { out += "\n\(bands.fallbacks) draw(s) needed LAPACK's double-precision fallback.\n" }
            out += "\n"
        }

        if !monthly.isEmpty {
            out += "## By month (gross effects of the month's spending; net = gross × incremental share)\n\n"
            out += "| month | spending (won) | output I | value added I | net value added I | employment I | unit |\n|---|---:|---:|---:|---:|---:|---|\n"
            for m in monthly {
                let va = m.gross.total(.valueAdded)
                out += "| \(m.month) | \(won(Double(m.spendingWon))) | \(n1(m.gross.total(.output))) | \(n1(va)) | \(n1(va.map { $0 * p.incrementalShare })) | \(n1(m.gross.total(.employment))) | \(units); persons |\n"
            }
            out += "\n"
        }
        return out
    }
}
