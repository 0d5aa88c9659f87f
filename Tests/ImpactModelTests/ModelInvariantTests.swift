import Testing
import LinearAlgebra
@testable import ImpactModel

@Suite("Model invariants")
struct ModelInvariantTests {
    /// A random productive table with all rows present.
    static func randomTable(n: Int, seed: UInt64) -> String {
        var rng = SplitMix64(seed: seed)
        let codes = (0..<n).map { "S\($0)" }
        var x = (0..<n).map { _ in 1000 + 9000 * rng.nextUnit() }
        x = x.map { $0.rounded() }
        var z = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for j in 0..<n {
            let colShare = 0.2 + 0.5 * rng.nextUnit()
            var w = (0..<n).map { _ in rng.nextUnit() }
            let s = w.reduce(0, +)
            w = w.map { $0 / s }
            for i in 0..<n { z[i][j] = (colShare * x[j] * w[i]).rounded() }
        }
        var lines = ["# units: million won", "code,label,\(codes.joined(separator: ",")),household,exports,total_output"]
        var households = [Double](repeating: 0, count: n)
        var exports = [Double](repeating: 0, count: n)
        for i in 0..<n {
            let f = x[i] - z[i].reduce(0, +)
            if f < 0 { x[i] -= f }
            let fd = x[i] - z[i].reduce(0, +)
            households[i] = (fd * 0.6).rounded()
            exports[i] = fd - households[i]
        }
        for i in 0..<n {
            lines.append("S\(i),Sector \(i),\(z[i].map { String(Int($0)) }.joined(separator: ",")),\(Int(households[i])),\(Int(exports[i])),\(Int(x[i]))")
        }
        var imports: [Double] = [], comp: [Double] = [], other: [Double] = [], jobs: [Double] = []
        for j in 0..<n {
            let inputs = (0..<n).map { z[$0][j] }.reduce(0, +)
            let rest = x[j] - inputs
            imports.append((rest * 0.2).rounded())
            comp.append(((rest - imports[j]) * 0.5).rounded())
            other.append(rest - imports[j] - comp[j])
            jobs.append((x[j] * 0.01).rounded())
        }
        func row(_ v: [Double]) -> String { v.map { String(Int($0)) }.joined(separator: ",") }
        lines.append("imports,Imports,\(row(imports)),0,0,")
        lines.append("compensation,Compensation,\(row(comp)),0,0,")
        lines.append("operating_surplus,Operating surplus,\(row(other)),0,0,")
        lines.append("employment,Employment,\(row(jobs)),,,")
        return lines.joined(separator: "\n")
    }

    @Test(arguments: [3, 8, 25])
    func solveMatchesExplicitInverse(n: Int) throws {
        let table = try load(Self.randomTable(n: n, seed: UInt64(n)))
        #expect(table.warnings.isEmpty, "\(table.warnings)")
        let model = try LeontiefModel(table: table)
        let l = try model.fullInverse()
        let m = try model.multipliers()
        let colSums = l.columnSums
        var demand = [Double](repeating: 0, count: n)
        for i in 0..<n { demand[i] = Double(i + 1) * 10 }
        let impact = try model.impact(of: demand)
        let direct = try l.multiplied(by: demand)
        for j in 0..<n {
            #expect(isClose(m[j].outputType1, colSums[j], tolerance: 1e-10 * colSums[j]))
            #expect(isClose(impact.sectors[j].outputType1, direct[j], tolerance: 1e-9 * abs(direct[j])))
            // Type II ≥ Type I.
            #expect(try #require(m[j].outputType2) >= m[j].outputType1)
            #expect(try #require(m[j].incomeType2) >= (try #require(m[j].incomeType1)))
        }
        // Rasmussen indices average to 1.
        #expect(isClose(m.map(\.backwardLinkage).reduce(0, +) / Double(n), 1, tolerance: 1e-12))
        #expect(isClose(m.map(\.forwardLinkage).reduce(0, +) / Double(n), 1, tolerance: 1e-12))
        // Totals are sums of sectors.
        #expect(isClose(impact.total.outputType1, impact.sectors.map(\.outputType1).reduce(0, +), tolerance: 1e-9))
        #expect(impact.total.outputType1 >= impact.total.valueAddedType1)
    }

    @Test func multiRightHandSideMatchesSingle() throws {
        let model = try LeontiefModel(table: load(Self.randomTable(n: 6, seed: 9)))
        var demands = Matrix(rows: 6, columns: 3)
        for c in 0..<3 { for i in 0..<6 { demands[i, c] = Double((i + 1) * (c + 2)) } }
        let batch = try model.impacts(demands)
        for c in 0..<3 {
            let single = try model.impact(of: demands.column(c))
            for i in 0..<6 {
                #expect(isClose(batch[c].sectors[i].outputType1, single.sectors[i].outputType1, tolerance: 1e-9))
                #expect(isClose(try #require(batch[c].sectors[i].outputType2), try #require(single.sectors[i].outputType2), tolerance: 1e-9))
            }
        }
    }
}

@Suite("Synthetic tables")
struct SyntheticTableTests {
    @Test func syntheticTableIsBalancedProductiveAndRoundTripsThroughCSV() throws {
        let table = IOTable.synthetic(sectors: 40, seed: 5)
        let reloaded = try IOTable(csv: table.csv(), source: "synthetic.csv", options: .init(relativeTolerance: 1e-9, absoluteTolerance: 1e-6))
        #expect(reloaded.warnings.isEmpty, "\(reloaded.warnings)")
        let a = try LeontiefModel(table: table).multipliers()
        let b = try LeontiefModel(table: reloaded).multipliers()
        for j in 0..<40 {
            #expect(abs(a[j].outputType1 - b[j].outputType1) < 1e-9)
            #expect(a[j].outputType1 >= 1)
            #expect(try #require(a[j].outputType2) >= a[j].outputType1)
        }
    }
}
