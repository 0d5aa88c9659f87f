import LinearAlgebra

/// The demand-driven Leontief model of an `IOTable`, factored once.
///
/// Notation (Miller & Blair 2009, ch. 2 and 6; written once here for the module):
/// - A = Z·diag(x)⁻¹, the technical (direct input) coefficients: aᵢⱼ = zᵢⱼ / xⱼ;
/// - L = (I − A)⁻¹, the Leontief inverse (total requirements); x = L·f. L is never
///   formed unless asked for (`fullInverse()`): (I − A) is LU-factored once
///   (LAPACK dgetrf) and every product with L or Lᵀ is a solve (dgetrs);
/// - direct coefficients per unit of output, each divided by x: v (value added),
///   h (compensation of employees = household income), e (employment, persons per
///   table unit), m (imports);
/// - Type II closes the model with respect to households (Miller & Blair 2009, §2.5):
///   Ā = [[A, h_c], [h_r, h_h]] with the labour-input row h_r = h, the consumption column
///   h_c = household consumption / total household income, and h_h = compensation paid
///   by households / total household income; L̄ = (I − Ā)⁻¹.
public struct LeontiefModel: Sendable {
    /// The table the model was built from.
    public let table: IOTable
    /// A = Z·diag(x)⁻¹ (columns of zero-output sectors are 0).
    public let technicalCoefficients: Matrix
    /// v = value added / x, in table units per table unit.
    public let valueAddedCoefficients: [Double]
    /// h = compensation / x; nil without a `compensation` row.
    public let incomeCoefficients: [Double]?
    /// e = employment / x, persons per table unit; nil without an `employment` row.
    public let employmentCoefficients: [Double]?
    /// m = imports / x; nil without an `imports` row.
    public let importCoefficients: [Double]?
    /// LU factors of (I − A).
    let factorization: LUFactorization
    /// The household-closed model, when the table allows Type II.
    let closure: HouseholdClosure?
    /// Why Type II is unavailable, when it is (no household column, no compensation row, …).
    public let typeIIUnavailableReason: String?
    /// Reciprocal condition estimate of (I − A) in the 1-norm (near 0: ill-conditioned).
    public let reciprocalCondition: Double

    /// Number of sectors.
    public var sectorCount: Int { table.sectorCount }
    /// Whether Type II (household-closed) results are available.
    public var hasTypeII: Bool { closure != nil }

    /// Builds A, checks productivity (Hawkins–Simon) and factors (I − A).
    ///
    /// Throws `.notProductive` naming the first sector whose column sum of A reaches 1,
    /// and `.singular` when (I − A) cannot be factored.
    public init(table: IOTable) throws(IOTableError) {
        let n = table.sectorCount
        let x = table.totalOutput
        var a = Matrix(rows: n, columns: n)
        for j in 0..<n where x[j] != 0 {
            for i in 0..<n { a[i, j] = table.flows[i, j] / x[j] }
        }
        // Hawkins–Simon: with A ≥ 0, column sums below 1 make (I − A) productive.
        let sums = a.columnSums
        for j in 0..<n where sums[j] >= 1 {
            throw IOTableError(
                .notProductive, file: table.source, column: 3 + j,
                message: "sector '\(table.sectorCodes[j])' (\(table.sectorLabels[j])) uses \(formatNumber(sums[j])) of intermediate inputs per unit of output (column sum of A ≥ 1), so (I − A) is not productive (Hawkins–Simon)",
                hint: "check the sector's column of flows against its total_output")
        }
        let perUnit: ([Double]) -> [Double] = { values in (0..<n).map { x[$0] == 0 ? 0 : values[$0] / x[$0] } }
        var iMinusA = Matrix.identity(n)
        for j in 0..<n { for i in 0..<n { iMinusA[i, j] -= a[i, j] } }
        let lu: LUFactorization
        do {
            lu = try LUFactorization(iMinusA)
        } catch let error as LinearAlgebraError {
            throw Self.translate(error, table: table)
        } catch {
            throw IOTableError(.singular, file: table.source, message: "\(error)", hint: "check the table")
        }
        self.table = table
        self.technicalCoefficients = a
        self.valueAddedCoefficients = perUnit(table.valueAdded)
        self.incomeCoefficients = table.compensation.map(perUnit)
        self.employmentCoefficients = table.employment.map(perUnit)
        self.importCoefficients = table.imports.map(perUnit)
        self.factorization = lu
        self.reciprocalCondition = (try? lu.reciprocalCondition()) ?? 0

        // Productivity beyond column sums: every output multiplier must be ≥ 1 and finite.
        let ones = [Double](repeating: 1, count: n)
        let outputMultipliers = (try? lu.solve(ones, transposed: true)) ?? []
        if let j = outputMultipliers.firstIndex(where: { !$0.isFinite || $0 < 1 - 1e-9 }) {
            throw IOTableError(.notProductive, file: table.source, column: 3 + j,
                               message: "the output multiplier of sector '\(table.sectorCodes[j])' is \(formatNumber(outputMultipliers[j])), so (I − A) is not productive",
                               hint: "check the table's flows; a productive table has all multipliers ≥ 1")
        }

        switch HouseholdClosure.make(table: table, a: a, incomeCoefficients: incomeCoefficients) {
        case .success(let closure):
            self.closure = closure
            self.typeIIUnavailableReason = nil
        case .failure(let reason):
            self.closure = nil
            self.typeIIUnavailableReason = reason.message
        }
    }

    static func translate(_ error: LinearAlgebraError, table: IOTable) -> IOTableError {
        switch error {
        case .singular(let pivot):
            let name = pivot < table.sectorCount ? "'\(table.sectorCodes[pivot])'" : "#\(pivot + 1)"
            return IOTableError(.singular, file: table.source,
                                message: "(I − A) is singular (zero pivot near sector \(name))",
                                hint: "a sector's inputs may equal its output; check its column of flows")
        case .nonFinite(_, let row, let column):
            return IOTableError(.invalidNumber, file: table.source, line: nil, column: column + 3,
                                message: "a coefficient is NaN or infinite (row \(row + 1), column \(column + 1) of A)",
                                hint: "check the table for NaN cells or zero outputs")
        default:
            return IOTableError(.singular, file: table.source, message: error.description, hint: "please report this")
        }
    }

    /// The Leontief inverse L = (I − A)⁻¹, formed explicitly (`--full-inverse`).
    /// Prefer solves: this costs n solves and n² memory.
    public func fullInverse() throws -> Matrix {
        try factorization.inverse()
    }

    /// The closed inverse L̄ = (I − Ā)⁻¹, (n+1) × (n+1), last row/column households; nil without Type II.
    public func fullClosedInverse() throws -> Matrix? {
        try closure?.factorization.inverse()
    }
}
