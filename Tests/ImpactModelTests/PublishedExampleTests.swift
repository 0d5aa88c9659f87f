import Testing
import LinearAlgebra
@testable import ImpactModel

@Suite("Published worked examples")
struct PublishedExampleTests {
    /// Miller & Blair (2009), Table 2.3 → A (eq. 2.5 numerical example) and
    /// L = [[1.254, 0.330], [0.264, 1.122]] as printed (3 decimals).
    @Test func millerBlairCoefficientsAndInverse() throws {
        let model = try LeontiefModel(table: load(millerBlairTable23))
        let a = model.technicalCoefficients
        #expect(isClose(a[0, 0], 0.15, tolerance: 1e-12))
        #expect(isClose(a[0, 1], 0.25, tolerance: 1e-12))
        #expect(isClose(a[1, 0], 0.20, tolerance: 1e-12))
        #expect(isClose(a[1, 1], 0.05, tolerance: 1e-12))
        let l = try model.fullInverse()
        let printed: [[Double]] = [[1.254, 0.330], [0.264, 1.122]]
        for i in 0..<2 { for j in 0..<2 { #expect(isClose(l[i, j], printed[i][j], tolerance: 5e-4)) } }
    }

    /// Miller & Blair (2009), §2.3.1: new final demand f = (600, 1500) needs
    /// x = (1247.52, 1841.58) (printed to 2 decimals).
    @Test func millerBlairNewFinalDemand() throws {
        let model = try LeontiefModel(table: load(millerBlairTable23))
        let result = try model.impact(of: [600, 1500])
        #expect(isClose(result.sectors[0].outputType1, 1247.52, tolerance: 0.005))
        #expect(isClose(result.sectors[1].outputType1, 1841.58, tolerance: 0.005))
        #expect(result.hasTypeII == false)
    }

    /// Simple output multipliers of the Table 2.3 economy, 1.518 and 1.452
    /// (Miller & Blair ch. 6; column sums of the printed L).
    @Test func millerBlairOutputMultipliers() throws {
        let m = try LeontiefModel(table: load(millerBlairTable23)).multipliers()
        #expect(isClose(m[0].outputType1, 1.518, tolerance: 5e-4))
        #expect(isClose(m[1].outputType1, 1.452, tolerance: 5e-4))
        #expect(m[0].outputType2 == nil && m[0].incomeType1 == nil && m[0].employment == nil)
    }

    /// Miller & Blair's closed model (§2.5; printed L̄ = [[1.365, .425, .251],
    /// [.527, 1.348, .595], [.570, .489, 1.289]]). Type II output multipliers are the
    /// sums of the first n rows (1.892, 1.773); income multipliers Type II are the
    /// household row (.570, .489); Type II / Type I income multipliers equal l̄ₙ₊₁,ₙ₊₁
    /// for every sector (Miller & Blair 2009, ch. 6, the ratio result).
    @Test func millerBlairClosedModel() throws {
        let model = try LeontiefModel(table: load(millerBlairClosed))
        #expect(model.hasTypeII)
        let closed = try #require(try model.fullClosedInverse())
        let printed: [[Double]] = [[1.365, 0.425, 0.251], [0.527, 1.348, 0.595], [0.570, 0.489, 1.289]]
        for i in 0..<3 { for j in 0..<3 { #expect(isClose(closed[i, j], printed[i][j], tolerance: 5e-4)) } }

        let m = try model.multipliers()
        #expect(isClose(try #require(m[0].outputType2), 1.365 + 0.527, tolerance: 1e-3))
        #expect(isClose(try #require(m[1].outputType2), 0.425 + 1.348, tolerance: 1e-3))
        #expect(isClose(try #require(m[0].incomeType2), 0.570, tolerance: 5e-4))
        #expect(isClose(try #require(m[1].incomeType2), 0.489, tolerance: 5e-4))
        // Type I income: h·L with h = (.3, .25) and the open L of Table 2.3.
        #expect(isClose(try #require(m[0].incomeType1), 0.3 * 1.2541254 + 0.25 * 0.2640264, tolerance: 1e-6))
        for s in m {
            let ratio = try #require(s.incomeMultiplierType2) / (try #require(s.incomeMultiplierType1))
            #expect(isClose(ratio, closed[2, 2], tolerance: 1e-9))
            #expect(try #require(s.outputType2) >= s.outputType1)
        }
    }

    /// Eurostat Manual of Supply, Use and Input-Output Tables (2008), Table 15.4
    /// (Germany 1995); GVA and employment multipliers as published in the manual's
    /// multiplier table (p. 501): GVA 0.8450 0.7647 0.8615 0.9019 0.9393 0.9199;
    /// employment (thousand persons per million EUR) 0.0326 0.0162 0.0207 0.0237 0.0112 0.0242.
    @Test func eurostatValueAddedAndEmploymentMultipliers() throws {
        let model = try LeontiefModel(table: load(eurostatTable154, "eurostat-15-4.csv"))
        let m = try model.multipliers()
        let gva = [0.8450, 0.7647, 0.8615, 0.9019, 0.9393, 0.9199]
        let jobs = [0.0326, 0.0162, 0.0207, 0.0237, 0.0112, 0.0242]
        for j in 0..<6 {
            #expect(isClose(m[j].valueAdded, gva[j], tolerance: 5e-5), "GVA multiplier of \(m[j].code)")
            #expect(isClose(try #require(m[j].employment) * 1, jobs[j], tolerance: 5e-5), "employment multiplier of \(m[j].code)")
        }
        // Value added + imports per unit of final demand = 1 (every unit of final demand
        // is paid out as domestic value added or imports; Miller & Blair 2009, §2.6 identity).
        for j in 0..<6 {
            #expect(isClose(m[j].valueAdded + (try #require(m[j].imports)), 1, tolerance: 1e-9))
        }
    }
}
