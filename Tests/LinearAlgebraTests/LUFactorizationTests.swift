import Testing
@testable import LinearAlgebra

@Suite("LU factorization and BLAS wrappers")
struct LUFactorizationTests {
    @Test func solvesAndTransposedSolves() throws {
        let m = Matrix(rowMajor: [[4, 3, 0], [6, 3, 1], [0, 2, 5]])
        let lu = try LUFactorization(m)
        let b: [Double] = [1, 2, 3]
        let x = try lu.solve(b)
        let back = try m.multiplied(by: x)
        for i in 0..<3 { #expect(abs(back[i] - b[i]) < 1e-12) }
        let xt = try lu.solve(b, transposed: true)
        let backT = try m.multiplied(by: xt, transposed: true)
        for i in 0..<3 { #expect(abs(backT[i] - b[i]) < 1e-12) }
    }

    @Test func inverseTimesMatrixIsIdentity() throws {
        let m = Matrix(rowMajor: [[2, 1], [1, 3]])
        let inv = try LUFactorization(m).inverse()
        let product = try m.multiplied(by: inv)
        for i in 0..<2 { for j in 0..<2 { #expect(abs(product[i, j] - (i == j ? 1 : 0)) < 1e-14) } }
    }

    @Test func singularMatrixNamesThePivot() {
        let m = Matrix(rowMajor: [[1, 2], [2, 4]])
        #expect(throws: LinearAlgebraError.singular(pivot: 1)) { try LUFactorization(m) }
    }

    @Test func nonFiniteInputIsRejected() {
        let m = Matrix(rowMajor: [[1, .nan], [0, 1]])
        #expect(throws: LinearAlgebraError.nonFinite(what: "matrix", row: 0, column: 1)) { try LUFactorization(m) }
        let lu = try? LUFactorization(Matrix.identity(2))
        #expect(throws: LinearAlgebraError.self) { try lu?.solve([1, .infinity]) }
    }

    @Test func nonSquareAndMismatchedShapesAreErrors() {
        #expect(throws: LinearAlgebraError.self) { try LUFactorization(Matrix(rows: 2, columns: 3)) }
        #expect(throws: LinearAlgebraError.self) { try Matrix(rows: 2, columns: 3).multiplied(by: Matrix(rows: 2, columns: 2)) }
    }

    @Test func conditionEstimateSeesNearSingularity() throws {
        let good = try LUFactorization(Matrix.identity(3)).reciprocalCondition()
        let bad = try LUFactorization(Matrix(rowMajor: [[1, 1], [1, 1 + 1e-12]])).reciprocalCondition()
        #expect(abs(good - 1) < 1e-12)
        #expect(bad < 1e-10)
    }

    @Test func gemmMatchesHandProduct() throws {
        let a = Matrix(rowMajor: [[1, 2, 3], [4, 5, 6]])
        let b = Matrix(rowMajor: [[7, 8], [9, 10], [11, 12]])
        #expect(try a.multiplied(by: b) == Matrix(rowMajor: [[58, 64], [139, 154]]))
        #expect(try a.multiplied(by: a, transposeOther: true) == Matrix(rowMajor: [[14, 32], [32, 77]]))
    }

    @Test func openBLASReportsItsKernel() {
        #expect(!OpenBLASRuntime.coreName.isEmpty)
        #expect(OpenBLASRuntime.threadCount >= 1)
    }
}
