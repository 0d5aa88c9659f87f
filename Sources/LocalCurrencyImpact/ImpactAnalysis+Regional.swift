extension ImpactAnalysis {
    /// Model inputs of the regional stage, loaded before the scan so that bad files fail fast.
    struct RegionalInputs {
        let model: RegionalEffectModel
        let regionalization: Regionalization?
        let margins: MarginTable?
    }

    /// Loads the margin table and builds the model: two-region when regional sizes or a
    /// regional table are given, otherwise the single table.
    func loadRegionalInputs(table: IOTable, singleModel: LeontiefModel) throws -> RegionalInputs {
        let settings = regional
        for problem in settings.netEffect.problems + (settings.monteCarlo?.problems ?? []) {
            throw AnalysisSettingsError(message: problem)
        }
        let margins = try settings.marginsPath.map { try MarginTable.load(path: $0, table: table) }
        if let path = settings.regionalTablePath {
            if settings.regionalSizesPath != nil {
                throw AnalysisSettingsError(message: "give either --employment or --regional-table, not both")
            }
            let regionalTable = try IOTable.load(path: path, options: .init(units: units))
            let model = try TwoRegionModel(national: table, regional: regionalTable, method: settings.method, delta: settings.delta)
            return RegionalInputs(model: .twoRegion(model), regionalization: model.region, margins: margins)
        }
        if let path = settings.regionalSizesPath {
            let sizes = try RegionalSectorSizes.load(path: path, table: table)
            let regionalization = try Regionalization(national: table, sizes: sizes, method: settings.method, delta: settings.delta)
            return RegionalInputs(model: .twoRegion(try TwoRegionModel(regionalization: regionalization)),
                                  regionalization: regionalization, margins: margins)
        }
        return RegionalInputs(model: .single(singleModel), regionalization: nil, margins: margins)
    }

    /// The regional section from the scan's spending at the region's merchants.
    func regionalSection(inputs: RegionalInputs, concordance: Concordance, aggregates: ScanAggregates, regions: Set<Int64>,
                         demand: CertificateDemand, table: IOTable) throws -> RegionalAnalysisSection {
        let settings = regional
        let model = inputs.model
        let (own, supplied) = demand.vectors()
        let spendingWon = Double(demand.exactWon + demand.prefixWon)
        let net = try NetEffect(model: model, own: own, supplied: supplied, spendingWon: spendingWon,
                                wonPerUnit: demand.wonPerUnit, parameters: settings.netEffect)
        var gross: TwoRegionImpactResult?
        if case .twoRegion(let m) = model {
            let placed = model.place(own: own, supplied: supplied)
            let n = m.sectorCount
            gross = try m.impact(region: Array(placed[0..<n]), rest: Array(placed[n..<(2 * n)]))
        }
        var demandBands: MonteCarloSummary?, coefficientBands: MonteCarloSummary?
        if let options = settings.monteCarlo {
            let simulation = MonteCarloSimulation(model: model, demand: demand, options: options)
            if options.demandDraws > 0 { demandBands = try simulation.runDemandDraws() }
            if options.coefficientDraws > 0 { coefficientBands = try simulation.runCoefficientDraws() }
        }
        var monthly: [(month: Int32, spendingWon: Int64, gross: EffectTotals)] = []
        if settings.monthly {
            var byMonth: [Int32: [String: Int64]] = [:]
            for (key, cell) in aggregates.spending where regions.contains(key.merchantRegion) {
                byMonth[key.month, default: [:]][key.industry.description, default: 0] += cell.netAmount
            }
            let months = byMonth.keys.sorted()
            if !months.isEmpty {
                var columns: [Double] = []
                var spent: [Int64] = []
                for month in months {
                    let spending = byMonth[month]!.map { (code: $0.key, won: $0.value) }.sorted { $0.code < $1.code }
                    let d = concordance.demand(spending: spending, margins: inputs.margins, sectorCount: table.sectorCount,
                                               wonPerUnit: demand.wonPerUnit)
                    let v = d.vectors()
                    columns += model.place(own: v.own, supplied: v.supplied)
                    spent.append(d.exactWon + d.prefixWon)
                }
                let totals = try model.totals(Matrix(rows: model.rows, columns: months.count, columnMajor: columns))
                monthly = months.indices.map { (months[$0], spent[$0], totals[$0]) }
            }
        }
        return RegionalAnalysisSection(
            regionalization: inputs.regionalization, regionalTableSource: settings.regionalTablePath,
            marginsSource: settings.marginsPath, demand: demand, grossTwoRegion: gross, netEffect: net,
            demandBands: demandBands, coefficientBands: coefficientBands, monthly: monthly, units: table.units)
    }
}
