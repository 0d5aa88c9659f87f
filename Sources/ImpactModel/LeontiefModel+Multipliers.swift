import LinearAlgebra

extension LeontiefModel {
    /// All multipliers for every sector (see `SectorMultipliers` for the formulas).
    ///
    /// Cost: none beyond construction, where the row vectors wL for w ∈ {1, v, h, e, m, t}
    /// were one multi-right-hand-side solve with (I − A)ᵀ (since wL = (Lᵀwᵀ)ᵀ and
    /// Lᵀ = ((I − A)ᵀ)⁻¹) and the forward linkages one solve with (I − A). Type II needs no further solve: the closed row vectors
    /// (w, 0)·L̄ and (0, 1)·L̄ follow from the open ones through the bordered closure
    /// (`HouseholdClosure`). No inverse is formed.
    public func multipliers() throws -> [SectorMultipliers] {
        try multipliersWithDiagnostics().multipliers
    }

    /// Multipliers and the refinement outcomes of the solves behind them (empty in double precision).
    public func multipliersWithDiagnostics() throws -> (multipliers: [SectorMultipliers], refinements: [RefinementOutcome]) {
        let n = sectorCount
        let solved = rowVectors
        let rowSums = columnVectors.column(0)
        let output = solved.column(0)
        let meanBackward = output.reduce(0, +) / Double(max(n, 1))
        let meanForward = rowSums.reduce(0, +) / Double(max(n, 1))

        // Closed row vectors: columns 1 (output), 2 (value added), 3 (employment) of the open
        // transposed solve, plus the households' unit vector (0, 1) for the income row.
        var closedSolved: Matrix?
        if let closure {
            var open = Matrix(rows: n, columns: 4)
            for i in 0..<n {
                open[i, 0] = solved[i, 0]
                open[i, 2] = solved[i, 1]
                open[i, 3] = solved[i, 3]
            }
            closedSolved = closure.extend(open: open, householdRow: [0, 1, 0, 0], transposed: true)
        }

        func ratio(_ numerator: Double?, _ denominator: Double?) -> Double? {
            guard let numerator, let denominator, denominator != 0 else { return nil }
            return numerator / denominator
        }

        let multipliers = (0..<n).map { j in
            let income = incomeCoefficients.map { _ in solved[j, 2] }
            let jobs = employmentCoefficients.map { _ in solved[j, 3] }
            var m = SectorMultipliers(
                code: table.sectorCodes[j], label: table.sectorLabels[j],
                outputType1: output[j], valueAdded: solved[j, 1],
                incomeType1: income, employment: jobs,
                imports: importCoefficients.map { _ in solved[j, 4] },
                incomeMultiplierType1: ratio(income, incomeCoefficients?[j]),
                employmentMultiplierType1: ratio(jobs, employmentCoefficients?[j]),
                outputType2: nil, valueAddedType2: nil, incomeType2: nil, incomeMultiplierType2: nil,
                employmentType2: nil,
                backwardLinkage: output[j] / meanBackward, forwardLinkage: rowSums[j] / meanForward)
            m.taxes = taxCoefficients.map { _ in solved[j, 5] }
            if let closedSolved {
                m.outputType2 = closedSolved[j, 0]
                m.incomeType2 = closedSolved[j, 1]
                m.valueAddedType2 = closedSolved[j, 2]
                m.employmentType2 = employmentCoefficients.map { _ in closedSolved[j, 3] }
                m.incomeMultiplierType2 = ratio(closedSolved[j, 1], incomeCoefficients?[j])
            }
            return m
        }
        return (multipliers, initialRefinements)
    }
}
