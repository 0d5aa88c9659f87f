import COpenBLAS

extension Matrix {
    /// `alpha · op(self) · op(other) + beta · C` via `cblas_dgemm`, where op is the
    /// identity or the transpose. Returns a new matrix.
    ///
    /// - Complexity: O(m·n·k) floating-point operations.
    public func multiplied(
        by other: Matrix,
        transposeSelf: Bool = false,
        transposeOther: Bool = false,
        alpha: Double = 1
    ) throws -> Matrix {
        let m = transposeSelf ? columns : rows
        let k = transposeSelf ? rows : columns
        let k2 = transposeOther ? other.columns : other.rows
        let n = transposeOther ? other.rows : other.columns
        guard k == k2 else {
            throw LinearAlgebraError.dimensionMismatch("cannot multiply \(m)×\(k) by \(k2)×\(n)")
        }
        var result = Matrix(rows: m, columns: n)
        if m == 0 || n == 0 || k == 0 { return result }
        storage.withUnsafeBufferPointer { a in
            other.storage.withUnsafeBufferPointer { b in
                result.storage.withUnsafeMutableBufferPointer { c in
                    // Safe: the buffers hold rows·columns elements each and the leading
                    // dimensions are the stored row counts (≥ 1 since m, n, k > 0).
                    cblas_dgemm(
                        CblasColMajor,
                        transposeSelf ? CblasTrans : CblasNoTrans,
                        transposeOther ? CblasTrans : CblasNoTrans,
                        Int32(m), Int32(n), Int32(k),
                        alpha, a.baseAddress, Int32(max(rows, 1)),
                        b.baseAddress, Int32(max(other.rows, 1)),
                        0, c.baseAddress, Int32(m))
                }
            }
        }
        return result
    }

    /// `op(self) · x` via `cblas_dgemv`.
    public func multiplied(by x: [Double], transposed: Bool = false) throws -> [Double] {
        let outCount = transposed ? columns : rows
        let inCount = transposed ? rows : columns
        guard x.count == inCount else {
            throw LinearAlgebraError.dimensionMismatch("vector of length \(x.count) against \(rows)×\(columns) matrix")
        }
        var y = [Double](repeating: 0, count: outCount)
        if outCount == 0 || inCount == 0 { return y }
        storage.withUnsafeBufferPointer { a in
            x.withUnsafeBufferPointer { xp in
                y.withUnsafeMutableBufferPointer { yp in
                    // Safe: lengths checked above; lda = rows ≥ 1.
                    cblas_dgemv(
                        CblasColMajor, transposed ? CblasTrans : CblasNoTrans,
                        Int32(rows), Int32(columns), 1, a.baseAddress, Int32(max(rows, 1)),
                        xp.baseAddress, 1, 0, yp.baseAddress, 1)
                }
            }
        }
        return y
    }
}
