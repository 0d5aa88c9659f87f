import LinearAlgebra

/// The household-closed (Type II) model: Ā of order n + 1, factored once.
///
/// Ā = [[A, h_c], [h_r, h_h]] (Miller & Blair 2009, §2.5): the last row is labour
/// income per unit of output (compensation / x), the last column household
/// consumption per unit of household income, h_h the households' own purchase of
/// labour (compensation paid by the household column) per unit of income.
struct HouseholdClosure: Sendable {
    /// Household consumption coefficients h_c (n).
    let consumption: [Double]
    /// h_h, households' purchases of labour per unit of income.
    let householdOwn: Double
    /// LU factors of (I − Ā).
    let factorization: LUFactorization

    struct Unavailable: Error { let message: String }

    static func make(table: IOTable, a: Matrix, incomeCoefficients: [Double]?) -> Result<HouseholdClosure, Unavailable> {
        guard let hc = table.householdColumn else {
            return .failure(Unavailable(message: "the table has no 'household' final-demand column"))
        }
        guard let h = incomeCoefficients else {
            return .failure(Unavailable(message: "the table has no 'compensation' row"))
        }
        guard let income = table.householdIncome, income > 0 else {
            return .failure(Unavailable(message: "total household income is zero"))
        }
        let n = table.sectorCount
        let consumption = (0..<n).map { table.finalDemand[$0, hc] / income }
        let own = (table.compensationInFinalDemand?[hc] ?? 0) / income
        if consumption.contains(where: { $0 < 0 }) {
            return .failure(Unavailable(message: "household consumption has negative cells"))
        }
        var closed = Matrix.identity(n + 1)
        for j in 0..<n {
            for i in 0..<n { closed[i, j] -= a[i, j] }
            closed[n, j] -= h[j]
        }
        for i in 0..<n { closed[i, n] -= consumption[i] }
        closed[n, n] -= own
        guard let lu = try? LUFactorization(closed) else {
            return .failure(Unavailable(message: "the household-closed matrix (I − Ā) is singular"))
        }
        // Productive only if every closed output multiplier is finite and ≥ 1.
        let ones = [Double](repeating: 1, count: n + 1)
        guard let m = try? lu.solve(ones, transposed: true), m.allSatisfy({ $0.isFinite && $0 >= 1 - 1e-9 }) else {
            return .failure(Unavailable(message: "the household-closed model is not productive (households spend more than their income on domestic output)"))
        }
        return .success(HouseholdClosure(consumption: consumption, householdOwn: own, factorization: lu))
    }
}
