/// How (I − A) is factored.
///
/// - `double`: LAPACK `dgetrf` (LU in double precision).
/// - `mixed`: LU in single precision (`sgetrf`) with iterative refinement in double
///   (`MixedPrecisionLUFactorization`, LAPACK `dsgesv`'s algorithm): results to
///   double-precision accuracy at about half the factorization cost; falls back to
///   double, and says so, when refinement does not converge.
/// - `automatic`: `mixed` from `automaticMixedThreshold` sectors up, `double` below —
///   under about 1,500 sectors a double factorization takes well under a second and
///   the refinement would only add diagnostics.
public enum SolverPrecision: String, Sendable, CaseIterable {
    case automatic, double, mixed

    /// Sector count from which `automatic` chooses mixed precision.
    public static let automaticMixedThreshold = 1_500

    func resolved(order n: Int) -> SolverPrecision {
        switch self {
        case .automatic: return n >= Self.automaticMixedThreshold ? .mixed : .double
        case .double, .mixed: return self
        }
    }
}
