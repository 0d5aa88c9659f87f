import COpenBLAS

/// An LU factorization `P·M = L·U` of a square matrix (LAPACK `dgetrf`),
/// kept so that any number of right-hand sides can be solved (`dgetrs`)
/// without refactoring — with M or with Mᵀ.
///
/// For the Leontief model this is how multipliers and impacts are computed
/// without ever forming the inverse: factor (I − A) once, then solve.
///
/// - Complexity: factoring is O(n³) (2/3·n³ flops); each solve is O(n²) per right-hand side.
public struct LUFactorization: Sendable {
    /// Order of the factored matrix.
    public let order: Int
    /// The packed L and U factors, column-major (as `dgetrf` leaves them).
    let factors: [Double]
    /// 1-based pivot indices from `dgetrf`.
    let pivots: [Int32]
    /// The 1-norm of the original matrix, for the condition estimate.
    let oneNorm: Double

    /// Factors `matrix`. Throws `.nonFinite` for NaN/Inf input and `.singular`
    /// when LAPACK reports an exactly zero pivot.
    /// The matrix is consumed: when the caller holds no other reference, LAPACK factors its
    /// storage in place (no copy — at n ≈ 10⁴ a copy is 0.8 GB).
    public init(_ matrix: consuming Matrix) throws {
        guard matrix.rows == matrix.columns else {
            throw LinearAlgebraError.dimensionMismatch("LU needs a square matrix, got \(matrix.rows)×\(matrix.columns)")
        }
        if let bad = matrix.firstNonFinite {
            throw LinearAlgebraError.nonFinite(what: "matrix", row: bad.row, column: bad.column)
        }
        let n = matrix.rows
        var factors = matrix.storage
        matrix = Matrix(rows: 0, columns: 0)  // drop our reference so `factors` is unique when the caller's was
        var pivots = [Int32](repeating: 0, count: n)
        // 1-norm: largest absolute column sum.
        var norm = 0.0
        factors.withUnsafeBufferPointer { a in
            for j in 0..<n {
                var s = 0.0
                for i in 0..<n { s += abs(a[i + j * n]) }  // Safe: i, j < n.
                norm = max(norm, s)
            }
        }
        if n > 0 {
            let info = factors.withUnsafeMutableBufferPointer { a in
                pivots.withUnsafeMutableBufferPointer { p in
                    // Safe: a holds n·n elements, lda = n, p holds n pivots. The _work variant skips
                    // LAPACKE's NaN scan of the whole matrix (finiteness was checked above).
                    LAPACKE_dgetrf_work(LAPACK_COL_MAJOR, Int32(n), Int32(n), a.baseAddress, Int32(n), p.baseAddress)
                }
            }
            if info < 0 { throw LinearAlgebraError.illegalArgument(routine: "dgetrf", argument: Int(-info)) }
            if info > 0 { throw LinearAlgebraError.singular(pivot: Int(info) - 1) }
        }
        self.order = n
        self.factors = factors
        self.pivots = pivots
        self.oneNorm = norm
    }

    /// Solves `M·X = B` (or `Mᵀ·X = B` when `transposed`) for all columns of `B` at once.
    public func solve(_ rhs: Matrix, transposed: Bool = false) throws -> Matrix {
        guard rhs.rows == order else {
            throw LinearAlgebraError.dimensionMismatch("right-hand side has \(rhs.rows) rows, matrix order is \(order)")
        }
        if let bad = rhs.firstNonFinite {
            throw LinearAlgebraError.nonFinite(what: "right-hand side", row: bad.row, column: bad.column)
        }
        var x = rhs.storage
        if order == 0 || rhs.columns == 0 { return rhs }
        let info = factors.withUnsafeBufferPointer { a in
            pivots.withUnsafeBufferPointer { p in
                x.withUnsafeMutableBufferPointer { b in
                    // Safe: a is order², p holds order pivots, b is order × nrhs with ldb = order.
                    // _work: no NaN scan of the order² factors on every solve.
                    LAPACKE_dgetrs_work(
                        LAPACK_COL_MAJOR, transposed ? Int8(UInt8(ascii: "T")) : Int8(UInt8(ascii: "N")),
                        Int32(order), Int32(rhs.columns), a.baseAddress, Int32(order),
                        p.baseAddress, b.baseAddress, Int32(order))
                }
            }
        }
        if info < 0 { throw LinearAlgebraError.illegalArgument(routine: "dgetrs", argument: Int(-info)) }
        return Matrix(rows: rhs.rows, columns: rhs.columns, columnMajor: x)
    }

    /// Solves `M·x = b` (or `Mᵀ·x = b`) for one vector.
    public func solve(_ b: [Double], transposed: Bool = false) throws -> [Double] {
        try solve(Matrix(rows: b.count, columns: 1, columnMajor: b), transposed: transposed).storage
    }

    /// The inverse, formed by solving against the identity. Only for users who ask
    /// for it: solving is cheaper and more accurate than multiplying by an inverse.
    public func inverse() throws -> Matrix {
        try solve(Matrix.identity(order))
    }

    /// Estimate of the reciprocal condition number in the 1-norm (LAPACK `dgecon`);
    /// near 0 means nearly singular (results lose about −log10(rcond) digits).
    public func reciprocalCondition() throws -> Double {
        if order == 0 { return 1 }
        var rcond = 0.0
        let info = factors.withUnsafeBufferPointer { a in
            // Safe: a holds the order² LU factors, lda = order.
            LAPACKE_dgecon(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "1")), Int32(order), a.baseAddress, Int32(order), oneNorm, &rcond)
        }
        if info < 0 { throw LinearAlgebraError.illegalArgument(routine: "dgecon", argument: Int(-info)) }
        return rcond
    }
}
