import ImpactModel

extension RegionalAnalysisSection {
    static func json(_ totals: EffectTotals) -> JSONValue {
        func table(_ t: [EffectMeasure: [EffectPlace: Double]]) -> JSONValue {
            .object(EffectMeasure.allCases.compactMap { m in
                guard let places = t[m] else { return nil }
                var pairs = EffectPlace.allCases.compactMap { p in places[p].map { (p.rawValue, JSONValue.number($0)) } }
                if places.count > 1 { pairs.append(("total", .number(places.values.reduce(0, +)))) }
                return (m.rawValue, .object(pairs))
            })
        }
        return .object([("type1", table(totals.typeI)), ("type2", totals.typeII.map(table) ?? .null)])
    }

    static func json(_ bands: MonteCarloSummary?) -> JSONValue {
        guard let bands else { return .null }
        return .object([
            ("kind", .string(bands.kind)), ("draws", .int(Int64(bands.draws))), ("seed", .string(String(bands.seed))),
            ("percentiles", .array(bands.percentiles.map { .number($0) })), ("fallbacks_to_double", .int(Int64(bands.fallbacks))),
            ("bands", .array(bands.bands.map { b in
                .object([("measure", .string(b.measure.rawValue)), ("place", .string(b.place)), ("type", .string(b.typeII ? "II" : "I")),
                         ("mean", .number(b.mean)), ("values", .array(b.values.map { .number($0) }))])
            })),
            ("in_region_share_of_output", bands.inRegionShare.map { s in
                .object([("mean", .number(s.mean)), ("values", .array(s.values.map { .number($0) }))])
            } ?? .null),
        ])
    }

    public func json() -> JSONValue {
        let net = netEffect
        let p = net.parameters
        let d = demand
        let (own, supplied) = d.vectors()
        var pairs: [(String, JSONValue)] = [
            ("units", .string(units.label)),
            ("model", .string(regionalization == nil ? "single_table" : "two_region")),
        ]
        if let r = regionalization {
            pairs.append(("regionalization", .object([
                ("method", .string(r.method.rawValue)), ("delta", r.method.usesDelta ? .number(r.delta) : .null),
                ("lambda", .number(r.lambda)), ("regional_share", .number(r.regionalShare)), ("sizes", .string(r.sizes.source)),
                ("regional_table", regionalTableSource.map { .string($0) } ?? .null),
            ])))
        }
        pairs.append(("demand", .object([
            ("margins", marginsSource.map { .string($0) } ?? .null),
            ("spending_won", .int(d.totalWon)), ("unmapped_won", .int(d.unmappedWon)), ("with_margin_row_won", .number(d.bridgedWon)),
            ("own_output_won", .number(own.reduce(0, +) * d.wonPerUnit)), ("goods_and_margins_won", .number(supplied.reduce(0, +) * d.wonPerUnit)),
            ("product_taxes_won", .number(d.taxesWon)), ("imported_goods_won", .number(d.importsWon)),
        ])))
        if let g = grossTwoRegion { pairs.append(("gross_by_region", TwoRegionImpactReport(result: g).json())) }
        pairs.append(("net_effect", .object([
            ("parameters", .object([
                ("incremental_share", .number(p.incrementalShare)), ("displaced_share", .number(p.displacedShare)),
                ("discount_rate", .number(p.discountRate)),
                ("funding", .object([("nation", .number(p.fundingShares.nation)), ("province", .number(p.fundingShares.province)),
                                     ("city", .number(p.fundingShares.city))])),
                ("issuance_cost_rate", .number(p.issuanceCostRate)), ("deadweight_loss_rate", .number(p.deadweightLossRate)),
                ("issuance_won", .number(net.issuanceWon)),
            ])),
            ("gross", Self.json(net.gross)), ("net_regional", Self.json(net.netRegional)), ("net_national", Self.json(net.netNational)),
            ("national_is_nation", .bool(net.nationalIsNation)),
            ("costs_won", .object([
                ("discount", .number(net.discountWon)), ("discount_nation", .number(net.discountByNationWon)),
                ("discount_province", .number(net.discountByProvinceWon)), ("discount_city", .number(net.discountByCityWon)),
                ("operating", .number(net.operatingCostWon)), ("deadweight_loss", .number(net.deadweightLossWon)),
                ("city_total", .number(net.cityCostWon)), ("all", .number(net.nationalCostWon)),
            ])),
            ("net_value_added_won", .object([
                ("regional_type1", .number(net.regionalValueAddedWon())), ("regional_type2", .number(net.regionalValueAddedWon(typeII: true))),
                ("national_type1", .number(net.nationalValueAddedWon())), ("national_type2", .number(net.nationalValueAddedWon(typeII: true))),
            ])),
            ("benefit_cost_ratio", .object([
                ("regional_type1", .number(net.regionalBenefitCostRatio())), ("regional_type2", .number(net.regionalBenefitCostRatio(typeII: true))),
                ("national_type1", .number(net.nationalBenefitCostRatio())), ("national_type2", .number(net.nationalBenefitCostRatio(typeII: true))),
                ("note", .string("net value added over costs; output is never compared with costs (it counts intermediate inputs again)")),
            ])),
        ])))
        pairs.append(("uncertainty_demand", Self.json(demandBands)))
        pairs.append(("uncertainty_coefficients", Self.json(coefficientBands)))
        pairs.append(("monthly", .array(monthly.map { m in
            .object([("month", .int(Int64(m.month))), ("spending_won", .int(m.spendingWon)), ("gross", Self.json(m.gross))])
        })))
        return .object(pairs)
    }

    /// Effects by month as CSV: month, spending, then gross Type I totals of each measure.
    public func monthlyCSV() -> String {
        var out = CSVWriter.row(["month", "spending_won"] + EffectMeasure.allCases.map { "\($0.rawValue)_type1_total" }
                                 + EffectMeasure.allCases.map { "\($0.rawValue)_type1_in_region" })
        for m in monthly {
            out += CSVWriter.row([String(m.month), String(m.spendingWon)]
                                 + EffectMeasure.allCases.map { CSVWriter.number(m.gross.total($0)) }
                                 + EffectMeasure.allCases.map { CSVWriter.number(m.gross.value($0, .inRegion)) })
        }
        return out
    }
}
