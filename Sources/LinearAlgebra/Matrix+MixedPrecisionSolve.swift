import COpenBLAS

/// The result of `Matrix.solvedMixedPrecision(_:)`.
public struct MixedPrecisionSolution: Sendable {
    /// X with M·X = B, to double-precision accuracy.
    public let solution: Matrix
    /// Which path LAPACK took.
    public let outcome: RefinementOutcome
}

extension Matrix {
    /// Solves `self · X = B` once with LAPACK `dsgesv`: LU in single precision, iterative
    /// refinement in double, and LAPACK's own fallback to a double-precision LU when
    /// refinement fails (`iter` < 0: −1 the matrix is too large for single precision's
    /// range tests, −2 overflow converting B, −3 `sgetrf` failed, −31 no convergence in
    /// 30 steps). For one system with a few right-hand sides, e.g. one Monte Carlo draw
    /// of perturbed coefficients; use `MixedPrecisionLUFactorization` to reuse the factors.
    ///
    /// - Complexity: 2/3·n³ single-precision flops plus O(n²) per right-hand side and step.
    public func solvedMixedPrecision(_ rhs: Matrix) throws -> MixedPrecisionSolution {
        guard rows == columns else {
            throw LinearAlgebraError.dimensionMismatch("dsgesv needs a square matrix, got \(rows)×\(columns)")
        }
        guard rhs.rows == rows else {
            throw LinearAlgebraError.dimensionMismatch("right-hand side has \(rhs.rows) rows, matrix order is \(rows)")
        }
        if let bad = firstNonFinite { throw LinearAlgebraError.nonFinite(what: "matrix", row: bad.row, column: bad.column) }
        if let bad = rhs.firstNonFinite {
            throw LinearAlgebraError.nonFinite(what: "right-hand side", row: bad.row, column: bad.column)
        }
        let n = rows, k = rhs.columns
        if n == 0 || k == 0 { return MixedPrecisionSolution(solution: rhs, outcome: .converged(iterations: 0)) }
        var a = storage  // dsgesv overwrites A only on the double fallback; keep self intact.
        var b = rhs.storage
        var x = [Double](repeating: 0, count: n * k)
        var pivots = [Int32](repeating: 0, count: n)
        var iter: Int32 = 0
        let info = a.withUnsafeMutableBufferPointer { ap in
            b.withUnsafeMutableBufferPointer { bp in
                x.withUnsafeMutableBufferPointer { xp in
                    pivots.withUnsafeMutableBufferPointer { p in
                        // Safe: ap is n×n (lda n), bp and xp are n×k (ld n), p holds n pivots.
                        LAPACKE_dsgesv(LAPACK_COL_MAJOR, Int32(n), Int32(k), ap.baseAddress, Int32(n), p.baseAddress,
                                       bp.baseAddress, Int32(n), xp.baseAddress, Int32(n), &iter)
                    }
                }
            }
        }
        if info < 0 { throw LinearAlgebraError.illegalArgument(routine: "dsgesv", argument: Int(-info)) }
        if info > 0 { throw LinearAlgebraError.singular(pivot: Int(info) - 1) }
        let outcome: RefinementOutcome
        switch iter {
        case 0...: outcome = .converged(iterations: Int(iter))
        case -2: outcome = .fellBackToDouble(reason: "dsgesv: overflow converting the right-hand side to single precision")
        case -3: outcome = .fellBackToDouble(reason: "dsgesv: the single-precision factorization failed")
        case -31: outcome = .fellBackToDouble(reason: "dsgesv: refinement did not converge in 30 steps")
        default: outcome = .fellBackToDouble(reason: "dsgesv: iter = \(iter)")
        }
        return MixedPrecisionSolution(solution: Matrix(rows: n, columns: k, columnMajor: x), outcome: outcome)
    }
}
