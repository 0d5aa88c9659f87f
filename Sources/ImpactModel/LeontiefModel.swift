import LinearAlgebra

/// The demand-driven Leontief model of an `IOTable`, factored once.
///
/// Notation (Miller & Blair 2009, ch. 2 and 6; written once here for the module):
/// - A = Z·diag(x)⁻¹, the technical (direct input) coefficients: aᵢⱼ = zᵢⱼ / xⱼ;
/// - L = (I − A)⁻¹, the Leontief inverse (total requirements); x = L·f. L is never
///   formed unless asked for (`fullInverse()`): (I − A) is LU-factored once (LAPACK
///   `dgetrf`, or `sgetrf` with refinement in double for large tables, see
///   `SolverPrecision`) and every product with L or Lᵀ is a solve;
/// - direct coefficients per unit of output, each divided by x: v (value added),
///   h (compensation of employees = household income), e (employment, persons per
///   table unit), m (imports), t (net taxes on production, when the table has a tax row);
/// - Type II closes the model with respect to households (Miller & Blair 2009, §2.5):
///   Ā = [[A, h_c], [h_r, h_h]] with the labour-input row h_r = h, the consumption column
///   h_c = household consumption / total household income, and h_h = compensation paid
///   by households / total household income; L̄ = (I − Ā)⁻¹, solved as a bordered system
///   on the factors of (I − A) (`HouseholdClosure`).
public struct LeontiefModel: Sendable {
    /// The table the model was built from.
    public let table: IOTable
    /// A = Z·diag(x)⁻¹ (columns of zero-output sectors are 0), formed on each access
    /// (n² work and memory; the model itself never forms A or I − A in double precision
    /// when it factors in mixed precision). Keep a copy when using it repeatedly.
    public var technicalCoefficients: Matrix {
        let n = sectorCount
        let scale = inverseOutput
        return Matrix(rows: n, columns: n) { out in
            table.flows.withUnsafeBufferPointer { z in
                for j in 0..<n {
                    for i in 0..<n { out[i + j * n] = z[i + j * n] * scale[j] }  // Safe: i, j < n.
                }
            }
        }
    }
    /// 1/x per sector (0 for zero-output sectors).
    let inverseOutput: [Double]
    /// v = value added / x, in table units per table unit.
    public let valueAddedCoefficients: [Double]
    /// h = compensation / x; nil without a `compensation` row.
    public let incomeCoefficients: [Double]?
    /// e = employment / x, persons per table unit; nil without an `employment` row.
    public let employmentCoefficients: [Double]?
    /// m = imports / x; nil without an `imports` row.
    public let importCoefficients: [Double]?
    /// t = net taxes on production / x; nil when the table has no tax row (`IOTable.taxes`).
    public let taxCoefficients: [Double]?
    /// The factors of (I − A).
    let solver: LeontiefSolver
    /// The household-closed model, when the table allows Type II.
    let closure: HouseholdClosure?
    /// Why Type II is unavailable, when it is (no household column, no compensation row, …).
    public let typeIIUnavailableReason: String?
    /// Which factorization ran, and how its first solve went.
    public let solverReport: SolverReport
    /// Refinement outcomes of the solves made at construction (empty in double precision).
    let initialRefinements: [RefinementOutcome]
    /// Lᵀ·[1, v, h, e, m, t] (n × 6): the Type I multipliers, solved once at construction.
    let rowVectors: Matrix
    /// L·[1, h_c] (n × 2): the forward-linkage row sums and z of the household closure.
    let columnVectors: Matrix

    /// Number of sectors.
    public var sectorCount: Int { table.sectorCount }
    /// Whether Type II (household-closed) results are available.
    public var hasTypeII: Bool { closure != nil }

    /// Builds A, checks productivity (Hawkins–Simon) and factors (I − A).
    ///
    /// Throws `.notProductive` naming the first sector whose column sum of A reaches 1,
    /// and `.singular` when (I − A) cannot be factored.
    public init(table: IOTable, precision: SolverPrecision = .automatic) throws(IOTableError) {
        let n = table.sectorCount
        let x = table.totalOutput
        // Column sums of A = Z·diag(x)⁻¹ from Z's column sums; A itself is not formed.
        let inverseOutput = x.map { $0 == 0 ? 0 : 1 / $0 }
        let flowColumnSums = table.flows.columnSums
        let columnSums = (0..<n).map { flowColumnSums[$0] * inverseOutput[$0] }
        if let j = columnSums.firstIndex(where: { !$0.isFinite }) {
            throw IOTableError(.invalidNumber, file: table.source, line: table.headerLine, column: 3 + j,
                               message: "the coefficients of sector '\(table.sectorCodes[j])' are not finite",
                               hint: "check the sector's column of flows and its total_output")
        }
        // Hawkins–Simon: with A ≥ 0, column sums below 1 make (I − A) productive.
        for j in 0..<n where columnSums[j] >= 1 {
            throw IOTableError(
                .notProductive, file: table.source, line: table.headerLine, column: 3 + j,
                message: "sector '\(table.sectorCodes[j])' (\(table.sectorLabels[j])) uses \(formatNumber(columnSums[j])) of intermediate inputs per unit of output (column sum of A ≥ 1), so (I − A) is not productive (Hawkins–Simon)",
                hint: "check the sector's column of flows against its total_output")
        }
        let perUnit: ([Double]) -> [Double] = { values in (0..<n).map { x[$0] == 0 ? 0 : values[$0] / x[$0] } }
        // All the row and column vectors the multipliers and the household closure need, in
        // one transposed and one plain solve (at n ≈ 10⁴ each solve is a pass over the factors):
        // Lᵀ·[1, v, h, e, m, t] and L·[1, h_c].
        let zeros = [Double](repeating: 0, count: n)
        let valueAdded = perUnit(table.valueAdded)
        let income = table.compensation.map(perUnit)
        let jobs = table.employment.map(perUnit)
        let imports = table.imports.map(perUnit)
        let taxes = table.taxes.map(perUnit)
        let consumption = HouseholdClosure.consumptionCoefficients(table: table)
        let weights = [[Double](repeating: 1, count: n), valueAdded, income ?? zeros, jobs ?? zeros, imports ?? zeros, taxes ?? zeros]
        let demands = [[Double](repeating: 1, count: n), consumption ?? zeros]
        var solver = try Self.factor(flows: table.flows, inverseOutput: inverseOutput, precision: precision.resolved(order: n), table: table)
        var solved = try Self.solveVectors(solver, weights: weights, demands: demands, table: table)
        let mixedReport = SolverReport(precision: solver.precision, refinement: solved.refinements.first)
        // A mixed factorization that needed the double fallback would need it on every
        // solve: factor in double once instead.
        if solved.refinements.contains(where: \.fellBack) {
            solver = try Self.factor(flows: table.flows, inverseOutput: inverseOutput, precision: .double, table: table)
            solved = try Self.solveVectors(solver, weights: weights, demands: demands, table: table)
        }
        let rowVectors = solved.rows, columnVectors = solved.columns, refinements = solved.refinements
        // Numerical singularity: column sums just below 1 pass Hawkins–Simon but leave (I − A)
        // so ill-conditioned that no digit of the result can be trusted (results lose about
        // −log10(rcond) of their ~16 digits). Refuse below 1e-12, naming the nearest sectors.
        if let rcond = try? solver.reciprocalCondition(), rcond < Self.minimumReciprocalCondition {
            let worst = (0..<n).sorted { columnSums[$0] > columnSums[$1] }.prefix(2)
            throw IOTableError(
                .singular, file: table.source, line: table.headerLine, column: worst.first.map { 3 + $0 },
                message: "(I − A) is numerically singular (reciprocal condition estimate \(rcond), below \(Self.minimumReciprocalCondition)); the sectors closest to using up their output as inputs are \(worst.map { "'\(table.sectorCodes[$0])' (column sum of A \(columnSums[$0]))" }.joined(separator: ", "))",
                hint: "results would have no reliable digits; check these sectors' flows against their total_output")
        }
        // Productivity beyond column sums: every output multiplier (1ᵀL)ⱼ must be ≥ 1 and finite.
        if let j = (0..<n).first(where: { !rowVectors[$0, 0].isFinite || rowVectors[$0, 0] < 1 - 1e-9 }) {
            throw IOTableError(.notProductive, file: table.source, line: table.headerLine, column: 3 + j,
                               message: "the output multiplier of sector '\(table.sectorCodes[j])' is \(formatNumber(rowVectors[j, 0])), so (I − A) is not productive",
                               hint: "check the table's flows; a productive table has all multipliers ≥ 1")
        }

        self.table = table
        self.inverseOutput = inverseOutput
        self.valueAddedCoefficients = valueAdded
        self.incomeCoefficients = income
        self.employmentCoefficients = jobs
        self.importCoefficients = imports
        self.taxCoefficients = taxes
        self.solver = solver
        self.solverReport = mixedReport
        self.initialRefinements = refinements
        self.rowVectors = rowVectors
        self.columnVectors = columnVectors

        switch HouseholdClosure.make(table: table, consumption: consumption, income: income,
                                     z: columnVectors.column(1), w: rowVectors.column(2)) {
        case .success(let closure):
            self.closure = closure
            self.typeIIUnavailableReason = nil
        case .failure(let reason):
            self.closure = nil
            self.typeIIUnavailableReason = reason.message
        }
    }

    /// Lᵀ·W and L·D for the columns of W and D, with the refinement outcomes.
    static func solveVectors(_ solver: LeontiefSolver, weights: [[Double]], demands: [[Double]], table: IOTable) throws(IOTableError)
        -> (rows: Matrix, columns: Matrix, refinements: [RefinementOutcome]) {
        let n = table.sectorCount
        do {
            let (r, o1) = try solver.solve(Matrix(rows: n, columns: weights.count, columnMajor: weights.flatMap { $0 }), transposed: true)
            let (c, o2) = try solver.solve(Matrix(rows: n, columns: demands.count, columnMajor: demands.flatMap { $0 }))
            return (r, c, [o1, o2].compactMap { $0 })
        } catch {
            throw IOTableError(.singular, file: table.source, message: "solving with (I − A) failed: \(error)",
                               hint: "check the table for extreme values")
        }
    }

    /// Factors I − A = I − Z·diag(1/x) in the given precision (never `automatic`). Mixed
    /// precision builds its single-precision copy straight from Z; double precision forms
    /// I − A once, in the buffer LAPACK then factors in place.
    static func factor(flows z: Matrix, inverseOutput scale: [Double], precision: SolverPrecision, table: IOTable) throws(IOTableError) -> LeontiefSolver {
        let n = z.rows
        do {
            if precision == .mixed {
                do {
                    return .mixed(try MixedPrecisionLUFactorization(identityMinus: z, scalingColumnsBy: scale))
                } catch LinearAlgebraError.outOfSinglePrecisionRange {
                    // falls through to double precision
                }
            }
            let m = Matrix(rows: n, columns: n) { out in
                z.withUnsafeBufferPointer { zp in
                    for j in 0..<n {
                        let s = scale[j]
                        for i in 0..<n { out[i + j * n] = -zp[i + j * n] * s }  // Safe: i, j < n.
                        out[j + j * n] += 1                                      // Safe: j < n.
                    }
                }
            }
            return .double(try LUFactorization(m))
        } catch let error as LinearAlgebraError {
            throw Self.translate(error, table: table)
        } catch {
            throw IOTableError(.singular, file: table.source, message: "\(error)", hint: "check the table")
        }
    }

    /// Below this reciprocal condition estimate of (I − A) the model refuses to solve
    /// (results would keep fewer than ~4 of their 16 significant digits).
    public static let minimumReciprocalCondition = 1e-12

    static func translate(_ error: LinearAlgebraError, table: IOTable) -> IOTableError {
        switch error {
        case .singular(let pivot):
            let name = pivot < table.sectorCount ? "'\(table.sectorCodes[pivot])'" : "#\(pivot + 1)"
            return IOTableError(.singular, file: table.source, line: table.headerLine,
                                column: pivot < table.sectorCount ? 3 + pivot : nil,
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

    /// Estimate of the reciprocal condition number of (I − A) in the 1-norm (LAPACK
    /// `dgecon`/`sgecon`; near 0: ill-conditioned, results lose about −log10(rcond) digits).
    /// Computed on request: at n ≈ 10⁴ it costs several passes over the factors.
    public func reciprocalConditionEstimate() throws -> Double {
        try solver.reciprocalCondition()
    }

    /// Solves (I − A)·X = B (or (I − A)ᵀ·X = B), i.e. X = L·B (or Lᵀ·B).
    public func solve(_ rhs: Matrix, transposed: Bool = false) throws -> Matrix {
        try solver.solve(rhs, transposed: transposed).0
    }

    /// Solves the household-closed system: the (n + 1) × k result of L̄·(B; β), β = 0 unless given.
    /// Nil without Type II.
    public func solveClosed(_ rhs: Matrix, householdRow: [Double]? = nil, transposed: Bool = false) throws -> Matrix? {
        guard let closure else { return nil }
        return closure.extend(open: try solve(rhs, transposed: transposed), householdRow: householdRow, transposed: transposed)
    }

    /// The Leontief inverse L = (I − A)⁻¹, formed explicitly (`--full-inverse`).
    /// Prefer solves: this costs n solves and n² memory.
    public func fullInverse() throws -> Matrix {
        try solve(Matrix.identity(sectorCount))
    }

    /// The closed inverse L̄ = (I − Ā)⁻¹, (n+1) × (n+1), last row/column households; nil without Type II.
    public func fullClosedInverse() throws -> Matrix? {
        guard let closure else { return nil }
        let n = sectorCount
        let identity = Matrix.identity(n + 1)
        var top = Matrix(rows: n, columns: n + 1)
        for c in 0..<(n + 1) { for i in 0..<n { top[i, c] = identity[i, c] } }
        let beta = (0..<(n + 1)).map { identity[n, $0] }
        return closure.extend(open: try solve(top), householdRow: beta)
    }
}
