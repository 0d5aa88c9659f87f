import Testing
import LinearAlgebra
@testable import ImpactModel

@Suite("Two-region interregional model")
struct TwoRegionModelTests {
    static let national = try! IOTable(csv: handNationalTable, source: "hand.csv")
    static let sizes = try! RegionalSectorSizes(csv: handRegionalEmployment, source: "region.csv", table: national)

    /// The interregional inverse matches an independent Gauss–Jordan inverse of I − A₂ to
    /// 1e-12, and summing the two regions gives the national inverse:
    /// [I I]·L₂ = L·[I I] (each region's column of purchases over both origins is the national one).
    @Test(arguments: LocationQuotientMethod.allCases)
    func interregionalInverseAddsUpToTheNation(method: LocationQuotientMethod) throws {
        let model = try TwoRegionModel(regionalization: Regionalization(national: Self.national, sizes: Self.sizes, method: method))
        let l2 = try model.fullInverse()
        var iMinusA2 = Matrix.identity(6)
        for j in 0..<6 { for i in 0..<6 { iMinusA2[i, j] -= model.coefficients[i, j] } }
        #expect(maxRelativeDifference(l2, gaussJordanInverse(iMinusA2)) < 1e-12)
        let l = try LeontiefModel(table: Self.national).fullInverse()
        for j in 0..<6 {
            for i in 0..<3 {
                #expect(abs(l2[i, j] + l2[i + 3, j] - l[i, j % 3]) < 1e-12)
            }
        }
    }

    /// In-region + spill-over = total, for every measure, Type I and II; the total equals
    /// the single-region national impact of the same demand; Type II ≥ Type I; the share
    /// that stays in a region of 5 % of the nation's jobs is strictly between 0 and 1.
    @Test func effectsSplitAndAddUp() throws {
        let model = try TwoRegionModel(regionalization: Regionalization(national: Self.national, sizes: Self.sizes, method: .flq))
        let demand: [Double] = [3, 10, 25]
        let result = try model.impact(region: demand, rest: [0, 0, 0])
        let r = result.totalInRegion, s = result.totalRestOfNation, t = result.total
        #expect(abs(r.outputType1 + s.outputType1 - t.outputType1) < 1e-12)
        #expect(abs(r.valueAddedType1 + s.valueAddedType1 - t.valueAddedType1) < 1e-12)
        #expect(abs(try #require(r.employmentType1) + #require(s.employmentType1) - #require(t.employmentType1)) < 1e-12)
        #expect(abs(try #require(r.outputType2) + #require(s.outputType2) - #require(t.outputType2)) < 1e-12)
        let national = try LeontiefModel(table: Self.national).impact(of: demand)
        #expect(abs(t.outputType1 - national.total.outputType1) < 1e-10 * national.total.outputType1)
        #expect(abs(t.valueAddedType1 - national.total.valueAddedType1) < 1e-10 * national.total.valueAddedType1)
        #expect(abs(try #require(t.outputType2) - #require(national.total.outputType2)) < 1e-10 * t.outputType1)
        #expect(try #require(t.outputType2) >= t.outputType1)
        #expect(try #require(r.outputType2) >= r.outputType1)
        let share = try #require(result.inRegionShareOfOutputTypeI)
        #expect(share > 0 && share < 1)
        // Value added + imports from abroad = final demand, nationally (Miller & Blair 2009, §2.6).
        #expect(abs(t.valueAddedType1 + (try #require(t.importsType1)) - demand.reduce(0, +)) < 1e-10)
    }

    /// A larger δ (more allowance for imports from other regions) keeps less in the region.
    @Test func largerDeltaKeepsLessInTheRegion() throws {
        var shares: [Double] = []
        for delta in [0.1, 0.2, 0.3, 0.4] {
            let model = try TwoRegionModel(regionalization: Regionalization(national: Self.national, sizes: Self.sizes, method: .flq, delta: delta))
            shares.append(try #require(try model.impact(region: [3, 10, 25], rest: [0, 0, 0]).inRegionShareOfOutputTypeI))
        }
        #expect(zip(shares, shares.dropFirst()).allSatisfy { $0 > $1 }, "\(shares)")
    }

    /// A user-supplied regional table is used as is for the region's coefficients: feeding
    /// back the table the LQ step wrote reproduces the region's columns (R → R and S → R)
    /// of the LQ model. The rest of the nation is then regionalized by output (the table
    /// carries no employment split for it), so its columns may differ; each column over
    /// both origins still equals the national one.
    @Test func userRegionalTableReproducesTheRegionsColumns() throws {
        let flq = try Regionalization(national: Self.national, sizes: Self.sizes, method: .flq)
        let fromLQ = try TwoRegionModel(regionalization: flq)
        let fromTable = try TwoRegionModel(national: Self.national, regional: flq.regionalTable().table, method: .flq)
        for j in 0..<3 {
            for i in 0..<6 { #expect(abs(fromTable.coefficients[i, j] - fromLQ.coefficients[i, j]) < 1e-12) }
        }
        for j in 0..<6 {
            for i in 0..<3 {
                let a = fromTable.region.nationalCoefficients[i, j % 3]
                #expect(abs(fromTable.coefficients[i, j] + fromTable.coefficients[i + 3, j] - a) < 1e-15)
            }
        }
    }

    @Test func wholeNationIsRejected() throws {
        let sizes = RegionalSectorSizes(measure: .employment, values: try #require(Self.national.employment), source: "all.csv")
        let error = #expect(throws: IOTableError.self) {
            try TwoRegionModel(regionalization: Regionalization(national: Self.national, sizes: sizes, method: .flq))
        }
        #expect(error?.message.contains("whole nation") == true)
    }
}
