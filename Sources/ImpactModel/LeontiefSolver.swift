import LinearAlgebra

/// The factored (I − A) of a model: double-precision LU or single-precision LU with
/// refinement. Every product with L = (I − A)⁻¹ or Lᵀ goes through `solve`.
enum LeontiefSolver: Sendable {
    case double(LUFactorization)
    case mixed(MixedPrecisionLUFactorization)

    /// Solves (I − A)·X = B, or (I − A)ᵀ·X = B; the refinement outcome when mixed.
    func solve(_ rhs: Matrix, transposed: Bool = false) throws -> (Matrix, RefinementOutcome?) {
        switch self {
        case .double(let lu): return (try lu.solve(rhs, transposed: transposed), nil)
        case .mixed(let lu):
            let (x, outcome) = try lu.solve(rhs, transposed: transposed)
            return (x, outcome)
        }
    }

    func solve(_ b: [Double], transposed: Bool = false) throws -> [Double] {
        try solve(Matrix(rows: b.count, columns: 1, columnMajor: b), transposed: transposed).0.storage
    }

    func reciprocalCondition() throws -> Double {
        switch self {
        case .double(let lu): return try lu.reciprocalCondition()
        case .mixed(let lu): return try lu.reciprocalCondition()
        }
    }

    var precision: SolverPrecision {
        switch self {
        case .double: return .double
        case .mixed: return .mixed
        }
    }
}

/// How a model's (I − A) was factored and how its first solve went, for reports.
public struct SolverReport: Sendable, Equatable, CustomStringConvertible {
    /// `double` or `mixed` (never `automatic`: this is what ran).
    public let precision: SolverPrecision
    /// For mixed precision, the outcome of the productivity check's solve (Lᵀ·1).
    public let refinement: RefinementOutcome?

    public var description: String {
        switch precision {
        case .mixed: return refinement.map(\.description) ?? "mixed precision"
        default: return "double-precision LU (LAPACK dgetrf)"
        }
    }
}
