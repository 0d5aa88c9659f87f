/// Which path a mixed-precision solve took (see `MixedPrecisionLUFactorization` and
/// `Matrix.solvedMixedPrecision(_:)`), so results can say how they were computed.
public enum RefinementOutcome: Sendable, Equatable, CustomStringConvertible {
    /// Single-precision LU plus iterative refinement in double reached double-precision
    /// accuracy after `iterations` refinement steps (0: the first single-precision solve was already accurate).
    case converged(iterations: Int)
    /// Refinement did not converge (or single precision overflowed); the solve was redone
    /// with a double-precision LU factorization (LAPACK dgetrf/dgetrs). `reason` says why.
    case fellBackToDouble(reason: String)

    public var description: String {
        switch self {
        case .converged(let k):
            return "mixed precision: single-precision LU, refinement converged after \(k) step\(k == 1 ? "" : "s")"
        case .fellBackToDouble(let reason):
            return "mixed precision fell back to a double-precision LU (\(reason))"
        }
    }

    /// Whether the double-precision fallback ran.
    public var fellBack: Bool {
        if case .fellBackToDouble = self { return true }
        return false
    }
}
