import COpenBLAS

/// An LU factorization computed in single precision (LAPACK `sgetrf`), whose solves
/// are refined to double-precision accuracy by iterative refinement with residuals in
/// double — the algorithm of LAPACK's `dsgesv` (Langou et al. 2006, "Exploiting the
/// performance of 32 bit floating point arithmetic in obtaining 64 bit accuracy";
/// Buttari et al. 2007), kept as a factorization so that one `sgetrf` serves any
/// number of right-hand sides, with M or with Mᵀ (`dsgesv` itself solves only M·X = B).
///
/// Refinement, per right-hand side b (all columns at once):
/// x₀ = solve₃₂(b); repeat rₖ = b − M·xₖ (double, `dgemm`), stop when
/// ‖rₖ‖∞ ≤ ‖xₖ‖∞ · ‖M‖∞ · ε · max(√n, 4) for every column (ε = 2⁻⁵³, LAPACK's
/// `dlamch('E')`; `dsgesv`'s test, except that the factor never drops below 4: for tiny n
/// the rounding of the residual itself, up to (n + 1)·ε·(|b| + |M||x|), could otherwise
/// keep the test failing forever), else xₖ₊₁ = xₖ + solve₃₂(rₖ); at most 30 steps, then the
/// solve falls back to a double-precision LU (`dgetrf`/`dgetrs`), and says so.
///
/// Worth it when n is large and M well conditioned — for (I − A) of a productive
/// input–output table the 1-norm condition number is small, since every column sum of
/// A is below 1. The factorization costs about half of `dgetrf`'s time and memory.
///
/// - Complexity: factoring 2/3·n³ single-precision flops; each solve O(n²) per
///   right-hand side per refinement step.
public struct MixedPrecisionLUFactorization: Sendable {
    /// Order of the factored matrix.
    public let order: Int
    /// What M is, for the double-precision residuals and the fallback: M itself, or
    /// I − Z·diag(s) kept as Z and s (so a Leontief system never holds M in double).
    let operand: Operand

    enum Operand: Sendable {
        case dense([Double])
        case identityMinusScaled(z: [Double], scale: [Double])
    }
    /// Packed single-precision L and U factors (as `sgetrf` leaves them).
    let factors: [Float]
    /// 1-based pivots from `sgetrf`.
    let pivots: [Int32]
    /// ‖M‖∞ (largest absolute row sum) and ‖M‖₁ (largest absolute column sum).
    let infinityNorm: Double
    let oneNorm: Double

    /// Most refinement steps before falling back to double (LAPACK's ITERMAX).
    public static let maximumRefinementSteps = 30

    /// Factors `matrix` in single precision. Throws `.nonFinite` for NaN/Inf,
    /// `.singular` when `sgetrf` meets an exactly zero pivot, and `.outOfSinglePrecisionRange`
    /// when an element does not fit a `Float` (use `LUFactorization` then).
    public init(_ matrix: Matrix) throws {
        guard matrix.rows == matrix.columns else {
            throw LinearAlgebraError.dimensionMismatch("LU needs a square matrix, got \(matrix.rows)×\(matrix.columns)")
        }
        if let bad = matrix.firstNonFinite {
            throw LinearAlgebraError.nonFinite(what: "matrix", row: bad.row, column: bad.column)
        }
        try self.init(order: matrix.rows, operand: .dense(matrix.storage))
    }

    /// Factors M = I − Z·diag(s) — for an input–output table, I − A with A = Z·diag(x)⁻¹,
    /// s = 1/x — without forming M (or A) in double precision: the single-precision
    /// factors are built straight from Z and s, and refinement residuals use Z
    /// (r = b − x + Z·(s∘x), or b − x + s∘(Zᵀx) for Mᵀ). At n ≈ 10⁴ this saves two
    /// matrices of 0.8 GB each. Z and s must be finite.
    public init(identityMinus z: Matrix, scalingColumnsBy s: [Double]) throws {
        guard z.rows == z.columns, s.count == z.columns else {
            throw LinearAlgebraError.dimensionMismatch("I − Z·diag(s) needs a square Z and one scale per column, got \(z.rows)×\(z.columns) and \(s.count)")
        }
        if let bad = z.firstNonFinite { throw LinearAlgebraError.nonFinite(what: "matrix", row: bad.row, column: bad.column) }
        if let j = s.firstIndex(where: { !$0.isFinite }) { throw LinearAlgebraError.nonFinite(what: "column scale", row: j, column: 0) }
        try self.init(order: z.rows, operand: .identityMinusScaled(z: z.storage, scale: s))
    }

    /// Builds the single-precision copy of M column by column, with ‖M‖∞ and ‖M‖₁, and
    /// factors it.
    private init(order n: Int, operand: Operand) throws {
        var rowSums = [Double](repeating: 0, count: n)
        var columnMax = 0.0
        var overflow: (Int, Int)?
        var single: [Float] = LargeArray.make(count: n * n) { s in
            rowSums.withUnsafeMutableBufferPointer { r in
                func convert(_ source: UnsafeBufferPointer<Double>, scale: UnsafeBufferPointer<Double>?) {
                    for j in 0..<n {
                        var columnSum = 0.0
                        let base = j * n
                        // Safe: base + i < n·n (the count of source and s), i, j < n (rowSums, scale).
                        let sj = scale.map { $0[j] } ?? 0
                        let dense = scale == nil
                        for i in 0..<n {
                            let v = dense ? source[base + i] : (i == j ? 1 : 0) - source[base + i] * sj
                            let f = Float(v)
                            if !f.isFinite, overflow == nil { overflow = (i, j) }
                            s[base + i] = f
                            columnSum += abs(v)
                            r[i] += abs(v)
                        }
                        columnMax = max(columnMax, columnSum)
                    }
                }
                switch operand {
                case .dense(let m):
                    m.withUnsafeBufferPointer { convert($0, scale: nil) }
                case .identityMinusScaled(let z, let scale):
                    z.withUnsafeBufferPointer { zp in scale.withUnsafeBufferPointer { convert(zp, scale: $0) } }
                }
            }
        }
        if let overflow {
            throw LinearAlgebraError.outOfSinglePrecisionRange(row: overflow.0, column: overflow.1)
        }
        var pivots = [Int32](repeating: 0, count: n)
        if n > 0 {
            let info = single.withUnsafeMutableBufferPointer { a in
                pivots.withUnsafeMutableBufferPointer { p in
                    // Safe: a holds n·n elements, lda = n, p holds n pivots. The _work variant skips
                    // LAPACKE's NaN scan of the whole matrix (finiteness was checked above).
                    LAPACKE_sgetrf_work(LAPACK_COL_MAJOR, Int32(n), Int32(n), a.baseAddress, Int32(n), p.baseAddress)
                }
            }
            if info < 0 { throw LinearAlgebraError.illegalArgument(routine: "sgetrf", argument: Int(-info)) }
            if info > 0 { throw LinearAlgebraError.singular(pivot: Int(info) - 1) }
        }
        self.order = n
        self.operand = operand
        self.factors = single
        self.pivots = pivots
        self.infinityNorm = rowSums.max() ?? 0
        self.oneNorm = columnMax
    }

    /// Solves `M·X = B` (or `Mᵀ·X = B`) for all columns of `B` to double-precision
    /// accuracy, and says which path ran.
    public func solve(_ rhs: Matrix, transposed: Bool = false) throws -> (solution: Matrix, outcome: RefinementOutcome) {
        guard rhs.rows == order else {
            throw LinearAlgebraError.dimensionMismatch("right-hand side has \(rhs.rows) rows, matrix order is \(order)")
        }
        if let bad = rhs.firstNonFinite {
            throw LinearAlgebraError.nonFinite(what: "right-hand side", row: bad.row, column: bad.column)
        }
        let n = order, k = rhs.columns
        if n == 0 || k == 0 { return (rhs, .converged(iterations: 0)) }
        // Tolerance of dsgesv: ‖r‖∞ ≤ ‖x‖∞ · ‖op(M)‖∞ · ε · max(√n, 4).
        let norm = transposed ? oneNorm : infinityNorm
        let tolerance = norm * 0x1.0p-53 * max(Double(n).squareRoot(), 4)
        var x = Matrix(rows: n, columns: k)
        var residual = rhs
        guard try singleSolve(&residual, into: &x.storage, accumulate: false, transposed: transposed) else {
            return try fallback(rhs, transposed: transposed, reason: "the right-hand side does not fit single precision")
        }
        for step in 0...Self.maximumRefinementSteps {
            residual = rhs
            subtractProduct(from: &residual, x, transposed: transposed)
            if Self.converged(residual: residual.storage, solution: x.storage, rows: n, columns: k, tolerance: tolerance) {
                return (x, .converged(iterations: step))
            }
            if step == Self.maximumRefinementSteps { break }
            guard try singleSolve(&residual, into: &x.storage, accumulate: true, transposed: transposed) else {
                return try fallback(rhs, transposed: transposed, reason: "a residual does not fit single precision")
            }
        }
        return try fallback(rhs, transposed: transposed,
                            reason: "refinement did not converge in \(Self.maximumRefinementSteps) steps; the matrix may be ill-conditioned")
    }

    /// Solves `M·x = b` (or `Mᵀ·x = b`) for one vector.
    public func solve(_ b: [Double], transposed: Bool = false) throws -> (solution: [Double], outcome: RefinementOutcome) {
        let (x, outcome) = try solve(Matrix(rows: b.count, columns: 1, columnMajor: b), transposed: transposed)
        return (x.storage, outcome)
    }

    /// Estimate of the reciprocal condition number in the 1-norm (LAPACK `sgecon` on the
    /// single-precision factors; an estimate, good to a few digits).
    public func reciprocalCondition() throws -> Double {
        if order == 0 { return 1 }
        var rcond: Float = 0
        let info = factors.withUnsafeBufferPointer { a in
            // Safe: a holds the order² single-precision LU factors, lda = order.
            LAPACKE_sgecon(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "1")), Int32(order), a.baseAddress, Int32(order), Float(oneNorm), &rcond)
        }
        if info < 0 { throw LinearAlgebraError.illegalArgument(routine: "sgecon", argument: Int(-info)) }
        return Double(rcond)
    }

    /// r ← r − op(M)·x in double precision (BLAS `dgemm`).
    private func subtractProduct(from r: inout Matrix, _ x: Matrix, transposed: Bool) {
        let n = order, k = x.columns
        switch operand {
        case .dense(let m):
            r.storage.withUnsafeMutableBufferPointer { rp in
                x.storage.withUnsafeBufferPointer { xp in
                    m.withUnsafeBufferPointer { mp in
                        // Safe: mp is n×n (lda n), xp and rp are n×k (ld n).
                        cblas_dgemm(CblasColMajor, transposed ? CblasTrans : CblasNoTrans, CblasNoTrans,
                                    Int32(n), Int32(k), Int32(n), -1, mp.baseAddress, Int32(n),
                                    xp.baseAddress, Int32(n), 1, rp.baseAddress, Int32(n))
                    }
                }
            }
        case .identityMinusScaled(let z, let scale):
            // M·x = x − Z·(s∘x);  Mᵀ·x = x − s∘(Zᵀ·x).
            var product = Matrix(rows: n, columns: k)
            var input = x
            if !transposed {
                for c in 0..<k { for i in 0..<n { input.storage[i + c * n] *= scale[i] } }
            }
            product.storage.withUnsafeMutableBufferPointer { pp in
                input.storage.withUnsafeBufferPointer { xp in
                    z.withUnsafeBufferPointer { zp in
                        // Safe: zp is n×n (lda n), xp and pp are n×k (ld n).
                        cblas_dgemm(CblasColMajor, transposed ? CblasTrans : CblasNoTrans, CblasNoTrans,
                                    Int32(n), Int32(k), Int32(n), 1, zp.baseAddress, Int32(n),
                                    xp.baseAddress, Int32(n), 0, pp.baseAddress, Int32(n))
                    }
                }
            }
            for c in 0..<k {
                for i in 0..<n {
                    let t = i + c * n
                    let zx = transposed ? scale[i] * product.storage[t] : product.storage[t]
                    r.storage[t] -= x.storage[t] - zx
                }
            }
        }
    }

    /// M in double precision, column-major (for the fallback).
    private var denseMatrix: Matrix {
        switch operand {
        case .dense(let m): return Matrix(rows: order, columns: order, columnMajor: m)
        case .identityMinusScaled(let z, let scale):
            let n = order
            return Matrix(rows: n, columns: n) { out in
                z.withUnsafeBufferPointer { zp in
                    for j in 0..<n {
                        for i in 0..<n { out[i + j * n] = (i == j ? 1 : 0) - zp[i + j * n] * scale[j] }  // Safe: i, j < n.
                    }
                }
            }
        }
    }

    /// One single-precision solve of `b` (n × k, destroyed); the solution is written to
    /// (or, with `accumulate`, added to) `x`. Returns false when `b` overflows a Float.
    private func singleSolve(_ b: inout Matrix, into x: inout [Double], accumulate: Bool, transposed: Bool) throws -> Bool {
        let n = order, k = b.columns
        var single = [Float](repeating: 0, count: n * k)
        var fits = true
        b.storage.withUnsafeBufferPointer { src in
            single.withUnsafeMutableBufferPointer { dst in
                for t in 0..<(n * k) {
                    // Safe: t < n·k, the count of both buffers.
                    let f = Float(src[t])
                    if !f.isFinite { fits = false }
                    dst[t] = f
                }
            }
        }
        if !fits { return false }
        let info = factors.withUnsafeBufferPointer { a in
            pivots.withUnsafeBufferPointer { p in
                single.withUnsafeMutableBufferPointer { s in
                    // Safe: a is n², p holds n pivots, s is n × k with ldb = n. _work: no NaN scan
                    // of the n² factors on every solve (they are finite by construction).
                    LAPACKE_sgetrs_work(LAPACK_COL_MAJOR, transposed ? Int8(UInt8(ascii: "T")) : Int8(UInt8(ascii: "N")),
                                   Int32(n), Int32(k), a.baseAddress, Int32(n), p.baseAddress, s.baseAddress, Int32(n))
                }
            }
        }
        if info < 0 { throw LinearAlgebraError.illegalArgument(routine: "sgetrs", argument: Int(-info)) }
        single.withUnsafeBufferPointer { s in
            x.withUnsafeMutableBufferPointer { xp in
                for t in 0..<(n * k) {
                    // Safe: t < n·k, the count of both buffers.
                    xp[t] = accumulate ? xp[t] + Double(s[t]) : Double(s[t])
                }
            }
        }
        return true
    }

    /// dsgesv's stopping test, column by column: ‖r‖∞ ≤ ‖x‖∞ · tolerance.
    static func converged(residual: [Double], solution: [Double], rows n: Int, columns k: Int, tolerance: Double) -> Bool {
        for c in 0..<k {
            var rmax = 0.0, xmax = 0.0
            for i in 0..<n {
                rmax = max(rmax, abs(residual[i + c * n]))
                xmax = max(xmax, abs(solution[i + c * n]))
            }
            if !(rmax <= xmax * tolerance) { return false }
        }
        return true
    }

    private func fallback(_ rhs: Matrix, transposed: Bool, reason: String) throws -> (solution: Matrix, outcome: RefinementOutcome) {
        let lu = try LUFactorization(denseMatrix)
        return (try lu.solve(rhs, transposed: transposed), .fellBackToDouble(reason: reason))
    }
}
