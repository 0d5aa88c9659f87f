import LinearAlgebra

extension LeontiefModel {
    /// Impacts of several final-demand changes at once: Δx = L·ΔF is one
    /// multi-right-hand-side solve with the stored factors of (I − A); Type II extends
    /// that solution through the bordered household closure (no further solve).
    /// `demands` is n × r, one column per scenario, in table units.
    public func impacts(_ demands: Matrix) throws -> [ImpactResult] {
        let n = sectorCount
        guard demands.rows == n else {
            throw LinearAlgebraError.dimensionMismatch("demand has \(demands.rows) sectors, the table \(n)")
        }
        let outputs = try solve(demands)
        let closedOutputs = closure.map { $0.extend(open: outputs) }
        return (0..<demands.columns).map { c in
            var sectors: [SectorImpact] = []
            sectors.reserveCapacity(n)
            for i in 0..<n {
                let dx = outputs[i, c]
                var s = SectorImpact(
                    code: table.sectorCodes[i], label: table.sectorLabels[i], demand: demands[i, c],
                    outputType1: dx, valueAddedType1: valueAddedCoefficients[i] * dx,
                    incomeType1: incomeCoefficients.map { $0[i] * dx },
                    employmentType1: employmentCoefficients.map { $0[i] * dx },
                    importsType1: importCoefficients.map { $0[i] * dx })
                s.taxesType1 = taxCoefficients.map { $0[i] * dx }
                if let closedOutputs {
                    let dx2 = closedOutputs[i, c]
                    s.outputType2 = dx2
                    s.valueAddedType2 = valueAddedCoefficients[i] * dx2
                    s.incomeType2 = incomeCoefficients.map { $0[i] * dx2 }
                    s.employmentType2 = employmentCoefficients.map { $0[i] * dx2 }
                    s.importsType2 = importCoefficients.map { $0[i] * dx2 }
                    s.taxesType2 = taxCoefficients.map { $0[i] * dx2 }
                }
                sectors.append(s)
            }
            return ImpactResult(
                units: table.units, sectors: sectors, total: Self.sum(sectors),
                householdIncomeType2: closedOutputs.map { $0[n, c] }, hasTypeII: closedOutputs != nil)
        }
    }

    /// The impact of one final-demand change Δf (n values in table units).
    public func impact(of demand: [Double]) throws -> ImpactResult {
        try impacts(Matrix(rows: demand.count, columns: 1, columnMajor: demand))[0]
    }

    static func sum(_ sectors: [SectorImpact]) -> SectorImpact {
        func total(_ field: (SectorImpact) -> Double?) -> Double? {
            var s = 0.0
            for sector in sectors {
                guard let v = field(sector) else { return nil }
                s += v
            }
            return s
        }
        var result = SectorImpact(
            code: "total", label: "Total",
            demand: total(\.demand) ?? 0, outputType1: total(\.outputType1) ?? 0,
            valueAddedType1: total(\.valueAddedType1) ?? 0, incomeType1: total(\.incomeType1),
            employmentType1: total(\.employmentType1), importsType1: total(\.importsType1),
            outputType2: total(\.outputType2), valueAddedType2: total(\.valueAddedType2),
            incomeType2: total(\.incomeType2), employmentType2: total(\.employmentType2),
            importsType2: total(\.importsType2))
        result.taxesType1 = total(\.taxesType1)
        result.taxesType2 = total(\.taxesType2)
        return result
    }
}
