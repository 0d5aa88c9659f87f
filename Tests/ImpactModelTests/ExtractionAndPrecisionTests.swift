import Testing
import LinearAlgebra
@testable import ImpactModel

@Suite("Hypothetical extraction, mixed precision and the bordered Type II")
struct ExtractionAndPrecisionTests {
    /// The closed forms against an independent recomputation: remove sector j (its row and
    /// column of A and its final demand), solve the smaller system by Gauss–Jordan, and
    /// compare the loss of total output; likewise with only column j of A set to zero.
    @Test(arguments: [UInt64(4), 21])
    func extractionMatchesRecomputation(seed: UInt64) throws {
        let table = IOTable.synthetic(sectors: 12, seed: seed)
        let model = try LeontiefModel(table: table)
        let results = try model.hypotheticalExtraction()
        let a = model.technicalCoefficients
        let x = table.totalOutput
        let f = (0..<12).map { i in x[i] - (0..<12).reduce(0) { $0 + a[i, $1] * x[$1] } }
        for j in [0, 5, 11] {
            let keep = (0..<12).filter { $0 != j }
            var m = Matrix.identity(11)
            for (c, jj) in keep.enumerated() { for (r, ii) in keep.enumerated() { m[r, c] -= a[ii, jj] } }
            let reduced = try gaussJordanInverse(m).multiplied(by: keep.map { f[$0] })
            let expected = x.reduce(0, +) - reduced.reduce(0, +)
            #expect(abs(results[j].totalLoss - expected) < 1e-9 * expected)

            var mb = Matrix.identity(12)
            for c in 0..<12 where c != j { for r in 0..<12 { mb[r, c] -= a[r, c] } }
            let backward = try gaussJordanInverse(mb).multiplied(by: f)
            let expectedBackward = x.reduce(0, +) - backward.reduce(0, +)
            #expect(abs(results[j].backwardLoss - expectedBackward) < 1e-9 * max(expectedBackward, 1))
        }
    }

    /// HAND-COMPUTED for Miller & Blair's Table 2.3 economy (x = (1000, 2000), printed
    /// L = [[1.254, .330], [.264, 1.122]]): extracting sector 1 loses
    /// 1000·(1.254 + .264)/1.254 ≈ 1210.5, i.e. 40.4 % of total output 3000.
    @Test func millerBlairExtraction() throws {
        let e = try LeontiefModel(table: load(millerBlairTable23)).hypotheticalExtraction()
        #expect(abs(e[0].totalLoss - 1000 * (1.2541254 + 0.2640264) / 1.2541254) < 1e-3)
        #expect(abs(e[0].totalLossShare - e[0].totalLoss / 3000) < 1e-15)
    }

    /// Mixed and double precision give the same multipliers to 1e-12 relative, and both
    /// match column sums and weighted sums of an independent Gauss–Jordan inverse to 1e-9.
    @Test(arguments: [40, 150])
    func mixedPrecisionMatchesDoubleAndAnIndependentInverse(n: Int) throws {
        let table = IOTable.synthetic(sectors: n, seed: UInt64(n))
        let double = try LeontiefModel(table: table, precision: .double)
        let mixed = try LeontiefModel(table: table, precision: .mixed)
        #expect(mixed.solverReport.precision == .mixed)
        #expect(mixed.solverReport.refinement?.fellBack == false)
        let md = try double.multipliers(), mm = try mixed.multipliers()
        var iMinusA = Matrix.identity(n)
        let a = double.technicalCoefficients
        for j in 0..<n { for i in 0..<n { iMinusA[i, j] -= a[i, j] } }
        let l = gaussJordanInverse(iMinusA)
        let v = double.valueAddedCoefficients, e = try #require(double.employmentCoefficients)
        for j in 0..<n {
            #expect(abs(mm[j].outputType1 - md[j].outputType1) <= 1e-12 * md[j].outputType1)
            #expect(abs(try #require(mm[j].outputType2) - #require(md[j].outputType2)) <= 1e-12 * md[j].outputType1)
            #expect(abs(mm[j].forwardLinkage - md[j].forwardLinkage) <= 1e-12)
            let column = (0..<n).map { l[$0, j] }
            #expect(abs(md[j].outputType1 - column.reduce(0, +)) <= 1e-9 * md[j].outputType1)
            #expect(abs(md[j].valueAdded - zip(v, column).reduce(0) { $0 + $1.0 * $1.1 }) <= 1e-9 * md[j].valueAdded)
            #expect(abs(try #require(md[j].employment) - zip(e, column).reduce(0) { $0 + $1.0 * $1.1 }) <= 1e-9 * (try #require(md[j].employment)))
        }
    }

    /// The bordered Type II (no second factorization) against the closed matrix of order
    /// n + 1 inverted independently.
    @Test func borderedClosureMatchesTheFullClosedInverse() throws {
        let table = IOTable.synthetic(sectors: 25, seed: 8)
        let model = try LeontiefModel(table: table)
        let n = 25
        let a = model.technicalCoefficients
        let h = try #require(model.incomeCoefficients)
        let income = try #require(table.householdIncome)
        var closed = Matrix.identity(n + 1)
        for j in 0..<n { for i in 0..<n { closed[i, j] -= a[i, j] }; closed[n, j] -= h[j] }
        for i in 0..<n { closed[i, n] -= table.finalDemand[i, 0] / income }
        let reference = gaussJordanInverse(closed)
        let bordered = try #require(try model.fullClosedInverse())
        #expect(maxRelativeDifference(bordered, reference) < 1e-10)
        let m = try model.multipliers()
        for j in 0..<n {
            let expected = (0..<n).reduce(0) { $0 + reference[$1, j] }
            #expect(abs(try #require(m[j].outputType2) - expected) < 1e-10 * expected)
            #expect(abs(try #require(m[j].incomeType2) - reference[n, j]) < 1e-10 * reference[n, j])
        }
    }
}
