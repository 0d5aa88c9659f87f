import LinearAlgebra

/// The household-closed (Type II) model, solved as a bordered system on the open
/// model's factors: no second factorization of order n + 1.
///
/// Ā = [[A, h_c], [h_r, h_h]] (Miller & Blair 2009, §2.5): the last row is labour
/// income per unit of output (compensation / x), the last column household
/// consumption per unit of household income, h_h the households' own purchase of
/// labour (compensation paid by the household column) per unit of income. With
/// M = I − A, c = h_c, h = h_r and d = 1 − h_h,
///
///     (I − Ā) = [[M, −c], [−hᵀ, d]],   s = d − hᵀ·M⁻¹·c   (the Schur complement of M).
///
/// Solving [[M, −c], [−hᵀ, d]]·(y, t) = (b, β): u = M⁻¹b, t = (β + hᵀu)/s, y = u + z·t with
/// z = M⁻¹c; the transposed system likewise with w = M⁻ᵀh and t = (β + cᵀu)/s
/// (cᵀw = hᵀz = d − s). z and w are solved once; every closed solve is then one open
/// solve plus O(n) per right-hand side. The closed model is productive iff s > 0
/// (then L̄ = (I − Ā)⁻¹ ≥ 0 because z, w ≥ 0): households must spend, directly and
/// through the production they induce, less than the income they receive.
struct HouseholdClosure: Sendable {
    /// Household consumption coefficients h_c (n).
    let consumption: [Double]
    /// Labour-income coefficients h_r (n).
    let income: [Double]
    /// h_h, households' purchases of labour per unit of income.
    let householdOwn: Double
    /// z = M⁻¹·h_c and w = M⁻ᵀ·h_r.
    let z: [Double]
    let w: [Double]
    /// s = 1 − h_h − h_rᵀ·M⁻¹·h_c > 0.
    let schurComplement: Double

    struct Unavailable: Error { let message: String }

    /// h_c = household consumption / total household income, or nil when the table lacks
    /// a household column, a compensation row or positive income.
    static func consumptionCoefficients(table: IOTable) -> [Double]? {
        guard let hc = table.householdColumn, table.compensation != nil,
              let totalIncome = table.householdIncome, totalIncome > 0 else { return nil }
        return (0..<table.sectorCount).map { table.finalDemand[$0, hc] / totalIncome }
    }

    /// The closure from the open model's solutions z = M⁻¹·h_c and w = M⁻ᵀ·h_r.
    static func make(table: IOTable, consumption: [Double]?, income: [Double]?, z: [Double], w: [Double]) -> Result<HouseholdClosure, Unavailable> {
        guard let hc = table.householdColumn else {
            return .failure(Unavailable(message: "the table has no 'household' final-demand column"))
        }
        guard let h = income else {
            return .failure(Unavailable(message: "the table has no 'compensation' row"))
        }
        guard let totalIncome = table.householdIncome, totalIncome > 0, let consumption else {
            return .failure(Unavailable(message: "total household income is zero"))
        }
        let own = (table.compensationInFinalDemand?[hc] ?? 0) / totalIncome
        if consumption.contains(where: { $0 < 0 }) {
            return .failure(Unavailable(message: "household consumption has negative cells"))
        }
        var hz = 0.0
        for i in 0..<h.count { hz += h[i] * z[i] }
        let s = 1 - own - hz
        guard s.isFinite, s > 1e-12 else {
            return .failure(Unavailable(message: "the household-closed model is not productive (households spend more than their income on domestic output: 1 − h_h − h·L·h_c = \(formatNumber(s)))"))
        }
        return .success(HouseholdClosure(consumption: consumption, income: h, householdOwn: own, z: z, w: w, schurComplement: s))
    }

    /// Closed solves: given u = M⁻¹·B (n × k, the open solution) and the households' row of
    /// the right-hand side β (k values; 0 for a final-demand change), returns the (n + 1) × k
    /// solution of (I − Ā)·X = (B; β). With `transposed`, u = M⁻ᵀ·B and (I − Ā)ᵀ is solved.
    func extend(open u: Matrix, householdRow beta: [Double]? = nil, transposed: Bool = false) -> Matrix {
        let n = u.rows, k = u.columns
        let border = transposed ? consumption : income   // the row that multiplies u
        let column = transposed ? w : z
        var result = Matrix(rows: n + 1, columns: k)
        for c in 0..<k {
            var dot = 0.0
            for i in 0..<n { dot += border[i] * u[i, c] }
            let t = ((beta?[c] ?? 0) + dot) / schurComplement
            for i in 0..<n { result[i, c] = u[i, c] + column[i] * t }
            result[n, c] = t
        }
        return result
    }
}
