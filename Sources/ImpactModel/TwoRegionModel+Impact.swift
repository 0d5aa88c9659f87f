import LinearAlgebra

extension TwoRegionModel {
    /// Effects of final-demand changes for R's output (`region`) and S's output (`rest`),
    /// n values each in table units: one solve with (I − A₂) and, for Type II, one with
    /// the closed system.
    public func impact(region: [Double], rest: [Double]) throws -> TwoRegionImpactResult {
        let n = sectorCount
        guard region.count == n, rest.count == n else {
            throw LinearAlgebraError.dimensionMismatch("demands have \(region.count) and \(rest.count) sectors, the model \(n)")
        }
        let demand = Matrix(rows: 2 * n, columns: 1, columnMajor: region + rest)
        let x1 = try solveTypeI(demand)
        let x2 = try solveTypeII(demand)
        func sector(_ k: Int, _ part: Int) -> SectorImpact {
            let i = k - part * n
            let dx = x1[k, 0]
            var s = SectorImpact(
                code: sectorCodes[i], label: sectorLabels[i], demand: part == 0 ? region[i] : rest[i],
                outputType1: dx, valueAddedType1: valueAddedCoefficients[i] * dx,
                incomeType1: incomeCoefficients.map { $0[i] * dx }, employmentType1: employmentCoefficients.map { $0[i] * dx },
                importsType1: importCoefficients.map { $0[i] * dx })
            s.taxesType1 = taxCoefficients.map { $0[i] * dx }
            if let x2 {
                let d2 = x2[k, 0]
                s.outputType2 = d2
                s.valueAddedType2 = valueAddedCoefficients[i] * d2
                s.incomeType2 = incomeCoefficients.map { $0[i] * d2 }
                s.employmentType2 = employmentCoefficients.map { $0[i] * d2 }
                s.importsType2 = importCoefficients.map { $0[i] * d2 }
                s.taxesType2 = taxCoefficients.map { $0[i] * d2 }
            }
            return s
        }
        let inRegion = (0..<n).map { sector($0, 0) }
        let restOfNation = (n..<(2 * n)).map { sector($0, 1) }
        var totalR = LeontiefModel.sum(inRegion), totalS = LeontiefModel.sum(restOfNation), total = LeontiefModel.sum(inRegion + restOfNation)
        totalR.code = "region"; totalR.label = "In the region"
        totalS.code = "rest_of_nation"; totalS.label = "Rest of the nation (spill-over)"
        total.code = "total"; total.label = "Total (nation)"
        return TwoRegionImpactResult(units: units, inRegion: inRegion, restOfNation: restOfNation,
                                     totalInRegion: totalR, totalRestOfNation: totalS, total: total, hasTypeII: x2 != nil)
    }

    var sectorCodes: [String] { region.national.sectorCodes }
    var sectorLabels: [String] { region.national.sectorLabels }
}
