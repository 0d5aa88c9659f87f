import LinearAlgebra

extension LeontiefModel {
    /// All multipliers for every sector (see `SectorMultipliers` for the formulas).
    ///
    /// Cost: the row vectors wL for w ∈ {1, v, h, e, m} are one multi-right-hand-side
    /// solve with (I − A)ᵀ (since wL = (Lᵀwᵀ)ᵀ and Lᵀ = ((I − A)ᵀ)⁻¹); forward linkages
    /// one solve with (I − A); Type II one more transposed solve with (I − Ā)ᵀ.
    /// No inverse is formed.
    public func multipliers() throws -> [SectorMultipliers] {
        let n = sectorCount
        let zeros = [Double](repeating: 0, count: n)
        let weights = [
            [Double](repeating: 1, count: n), valueAddedCoefficients,
            incomeCoefficients ?? zeros, employmentCoefficients ?? zeros, importCoefficients ?? zeros,
        ]
        let solved = try factorization.solve(Matrix(rows: n, columns: weights.count, columnMajor: weights.flatMap { $0 }), transposed: true)
        let rowSums = try factorization.solve([Double](repeating: 1, count: n))
        let output = solved.column(0)
        let meanBackward = output.reduce(0, +) / Double(max(n, 1))
        let meanForward = rowSums.reduce(0, +) / Double(max(n, 1))

        var closedSolved: Matrix?
        if let closure {
            var w = Matrix(rows: n + 1, columns: 4)
            for i in 0..<n {
                w[i, 0] = 1
                w[i, 2] = valueAddedCoefficients[i]
                w[i, 3] = employmentCoefficients?[i] ?? 0
            }
            w[n, 1] = 1
            closedSolved = try closure.factorization.solve(w, transposed: true)
        }

        func ratio(_ numerator: Double?, _ denominator: Double?) -> Double? {
            guard let numerator, let denominator, denominator != 0 else { return nil }
            return numerator / denominator
        }

        return (0..<n).map { j in
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
            if let closedSolved {
                m.outputType2 = closedSolved[j, 0]
                m.incomeType2 = closedSolved[j, 1]
                m.valueAddedType2 = closedSolved[j, 2]
                m.employmentType2 = employmentCoefficients.map { _ in closedSolved[j, 3] }
                m.incomeMultiplierType2 = ratio(closedSolved[j, 1], incomeCoefficients?[j])
            }
            return m
        }
    }
}
