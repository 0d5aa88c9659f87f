import COpenBLAS

/// Buffers for solving many dense systems of one size one after another — one workspace
/// per worker thread in a Monte Carlo run — so that no call allocates: at n = 381 a
/// fresh matrix per draw would be 1.2 MB of page faults per draw.
///
/// Fill `matrix` (M, column-major, `order × order`) and `rightHandSides` (`order × count`)
/// through `withBuffers`, then `solve` overwrites `rightHandSides` with X = M⁻¹·B. Mixed
/// precision runs LAPACK `dsgesv_work` (single-precision LU, refinement in double, its own
/// double fallback, reported); double runs `dgetrf_work` + `dgetrs_work`. `matrix` is
/// destroyed by the double path.
public struct SolveWorkspace: Sendable {
    public let order: Int
    public let count: Int
    var matrix: [Double]
    var rhs: [Double]
    var solution: [Double]
    var pivots: [Int32]
    var work: [Double]
    var singleWork: [Float]

    public init(order: Int, rightHandSides: Int) {
        self.order = order
        self.count = rightHandSides
        matrix = [Double](repeating: 0, count: order * order)
        rhs = [Double](repeating: 0, count: order * rightHandSides)
        solution = rhs
        pivots = [Int32](repeating: 0, count: order)
        work = [Double](repeating: 0, count: order * rightHandSides)
        singleWork = [Float](repeating: 0, count: order * (order + rightHandSides))
    }

    /// Gives `body` the matrix and right-hand-side buffers to fill (column-major).
    public mutating func withBuffers<R>(_ body: (_ matrix: UnsafeMutableBufferPointer<Double>, _ rightHandSides: UnsafeMutableBufferPointer<Double>) throws -> R) rethrows -> R {
        try matrix.withUnsafeMutableBufferPointer { m in
            try rhs.withUnsafeMutableBufferPointer { b in try body(m, b) }
        }
    }

    /// Solves M·X = B in place; the solution is then in the right-hand-side buffer
    /// (`solutionColumn`). Returns the refinement outcome for mixed precision, nil for double.
    @discardableResult
    public mutating func solve(mixedPrecision: Bool) throws -> RefinementOutcome? {
        let n = Int32(order), k = Int32(count)
        if order == 0 || count == 0 { return nil }
        if mixedPrecision {
            var iter: Int32 = 0
            let info = matrix.withUnsafeMutableBufferPointer { a in
                rhs.withUnsafeMutableBufferPointer { b in
                    solution.withUnsafeMutableBufferPointer { x in
                        pivots.withUnsafeMutableBufferPointer { p in
                            work.withUnsafeMutableBufferPointer { w in
                                singleWork.withUnsafeMutableBufferPointer { s in
                                    // Safe: a is n×n, b and x n×k (ld n), p n pivots, w n·k doubles,
                                    // s n·(n + k) floats — the sizes dsgesv documents.
                                    LAPACKE_dsgesv_work(LAPACK_COL_MAJOR, n, k, a.baseAddress, n, p.baseAddress, b.baseAddress, n,
                                                        x.baseAddress, n, w.baseAddress, s.baseAddress, &iter)
                                }
                            }
                        }
                    }
                }
            }
            if info < 0 { throw LinearAlgebraError.illegalArgument(routine: "dsgesv", argument: Int(-info)) }
            if info > 0 { throw LinearAlgebraError.singular(pivot: Int(info) - 1) }
            swap(&rhs, &solution)
            return iter >= 0 ? .converged(iterations: Int(iter)) : .fellBackToDouble(reason: "dsgesv iter = \(iter)")
        }
        var info = matrix.withUnsafeMutableBufferPointer { a in
            pivots.withUnsafeMutableBufferPointer { p in
                // Safe: a is n×n (lda n), p holds n pivots.
                LAPACKE_dgetrf_work(LAPACK_COL_MAJOR, n, n, a.baseAddress, n, p.baseAddress)
            }
        }
        if info < 0 { throw LinearAlgebraError.illegalArgument(routine: "dgetrf", argument: Int(-info)) }
        if info > 0 { throw LinearAlgebraError.singular(pivot: Int(info) - 1) }
        info = matrix.withUnsafeBufferPointer { a in
            pivots.withUnsafeBufferPointer { p in
                rhs.withUnsafeMutableBufferPointer { b in
                    // Safe: a holds the n² factors, p n pivots, b is n×k (ldb n).
                    LAPACKE_dgetrs_work(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "N")), n, k, a.baseAddress, n, p.baseAddress, b.baseAddress, n)
                }
            }
        }
        if info < 0 { throw LinearAlgebraError.illegalArgument(routine: "dgetrs", argument: Int(-info)) }
        return nil
    }

    /// Element i of solution column c (after `solve`).
    @inlinable
    public func solution(_ i: Int, _ c: Int) -> Double { rhsElement(i + c * order) }

    @usableFromInline
    func rhsElement(_ k: Int) -> Double { rhs[k] }
}
