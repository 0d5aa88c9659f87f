import Testing
@testable import LinearAlgebra

@Suite("Mixed precision, dsgesv and parallel batches")
struct MixedPrecisionTests {
    /// A random matrix shaped like (I − A) of a productive input–output table:
    /// non-negative A with column sums in [0.2, 0.7].
    static func leontiefLike(_ n: Int, seed: UInt64) -> Matrix {
        var rng = SplitMix64(seed: seed)
        var m = Matrix.identity(n)
        for j in 0..<n {
            var column = (0..<n).map { _ in rng.nextUnit() }
            let scale = (0.2 + 0.5 * rng.nextUnit()) / column.reduce(0, +)
            column = column.map { $0 * scale }
            for i in 0..<n { m[i, j] -= column[i] }
        }
        return m
    }

    static func maxRelativeDifference(_ a: Matrix, _ b: Matrix) -> Double {
        zip(a.storage, b.storage).map { abs($0 - $1) / max(abs($1), 1e-300) }.max() ?? 0
    }

    @Test(arguments: [1, 7, 60, 200])
    func refinedSolvesMatchDoubleLUInBothOrientations(n: Int) throws {
        let m = Self.leontiefLike(n, seed: UInt64(n))
        var rhs = Matrix(rows: n, columns: 3)
        for c in 0..<3 { for i in 0..<n { rhs[i, c] = Double((i * 7 + c * 3) % 11) + 0.5 } }
        let exact = try LUFactorization(m)
        let mixed = try MixedPrecisionLUFactorization(m)
        for transposed in [false, true] {
            let (x, outcome) = try mixed.solve(rhs, transposed: transposed)
            let reference = try exact.solve(rhs, transposed: transposed)
            #expect(Self.maxRelativeDifference(x, reference) < 1e-12, "transposed: \(transposed)")
            guard case .converged(let steps) = outcome else {
                Issue.record("refinement should converge for a well-conditioned matrix: \(outcome)")
                continue
            }
            #expect(steps <= 5)
        }
        // The single-precision condition estimate agrees with the double one to a few digits.
        let rcond32 = try mixed.reciprocalCondition(), rcond64 = try exact.reciprocalCondition()
        #expect(abs(rcond32 - rcond64) <= 0.05 * rcond64)
    }

    /// The Hilbert matrix of order 10 has a condition number near 1.6e13 (Higham 2002,
    /// *Accuracy and Stability of Numerical Algorithms*, §28.1): single precision cannot
    /// refine it, so the solve must fall back to double and say so.
    @Test func illConditionedMatrixFallsBackToDouble() throws {
        let n = 10
        var h = Matrix(rows: n, columns: n)
        for i in 0..<n { for j in 0..<n { h[i, j] = 1 / Double(i + j + 1) } }
        let b = (0..<n).map { _ in 1.0 }
        let (x, outcome) = try MixedPrecisionLUFactorization(h).solve(b)
        #expect(outcome.fellBack, "\(outcome)")
        let reference = try LUFactorization(h).solve(b)
        for i in 0..<n { #expect(abs(x[i] - reference[i]) <= 1e-12 * abs(reference[i])) }
        let dsgesv = try h.solvedMixedPrecision(Matrix(rows: n, columns: 1, columnMajor: b))
        #expect(dsgesv.outcome.fellBack, "\(dsgesv.outcome)")
    }

    @Test func dsgesvMatchesDoubleLU() throws {
        let m = Self.leontiefLike(50, seed: 3)
        var rhs = Matrix(rows: 50, columns: 2)
        for i in 0..<50 { rhs[i, 0] = 1; rhs[i, 1] = Double(i) }
        let result = try m.solvedMixedPrecision(rhs)
        #expect(!result.outcome.fellBack)
        #expect(Self.maxRelativeDifference(result.solution, try LUFactorization(m).solve(rhs)) < 1e-12)
    }

    @Test func singularAndOutOfRangeMatricesAreTypedErrors() {
        #expect(throws: LinearAlgebraError.singular(pivot: 1)) {
            try MixedPrecisionLUFactorization(Matrix(rowMajor: [[1, 2], [2, 4]]))
        }
        #expect(throws: LinearAlgebraError.outOfSinglePrecisionRange(row: 0, column: 1)) {
            try MixedPrecisionLUFactorization(Matrix(rowMajor: [[1, 1e300], [0, 1]]))
        }
        #expect(throws: LinearAlgebraError.nonFinite(what: "matrix", row: 1, column: 0)) {
            try Matrix(rowMajor: [[1, 0], [.nan, 1]]).solvedMixedPrecision(Matrix(rows: 2, columns: 1))
        }
    }

    @Test func parallelFactorizationsMatchSerialAndRestoreThreads() throws {
        let before = OpenBLASRuntime.threadCount
        let matrices = (0..<9).map { Self.leontiefLike(40, seed: UInt64(100 + $0)) }
        let ones = Matrix(rows: 40, columns: 1, repeating: 1)
        let parallel = try ConcurrentBLAS.map(matrices.count) { k in
            #expect(OpenBLASRuntime.threadCount == 1)
            return try LUFactorization(matrices[k]).solve(ones, transposed: true)
        }
        for k in 0..<matrices.count {
            #expect(parallel[k] == (try LUFactorization(matrices[k]).solve(ones, transposed: true)))
        }
        #expect(OpenBLASRuntime.threadCount == before)
        // Errors come back by the lowest failing index.
        let error = #expect(throws: LinearAlgebraError.self) {
            _ = try ConcurrentBLAS.map(4) { k -> Int in
                if k >= 2 { throw LinearAlgebraError.singular(pivot: k) }
                return k
            }
        }
        #expect(error == .singular(pivot: 2))
    }

    @Test func splitMixStreamsAreReproducibleAndDistinct() {
        var a = SplitMix64(seed: 42, stream: 7), b = SplitMix64(seed: 42, stream: 7), c = SplitMix64(seed: 42, stream: 8)
        let xa = (0..<4).map { _ in a.next() }, xb = (0..<4).map { _ in b.next() }, xc = (0..<4).map { _ in c.next() }
        #expect(xa == xb)
        #expect(xa != xc)
    }
}
