import Testing
import LinearAlgebra
@testable import ImpactModel

@Suite("Regionalization by location quotients")
struct RegionalizationTests {
    static let national = try! IOTable(csv: handNationalTable, source: "hand.csv")
    static let sizes = try! RegionalSectorSizes(csv: handRegionalEmployment, source: "region.csv", table: national)

    /// HAND-COMPUTED (no printed worked example of the FLQ on a full table could be
    /// retrieved; the formulas are Flegg & Webber 1997 and Miller & Blair 2009, §8.3):
    /// TRE/TNE = 50/1000 = 0.05; SLQ = (0.05/0.1, 0.6/0.2, 0.3/0.7) = (1, 3, 3/7);
    /// λ* = log₂(1.05)^0.3 = 0.0703893^0.3 = 0.4510784; CILQ_ca = (3/7)/1 = 0.428571,
    /// CILQ_ab = 1/3; FLQ_ab = λ*/3 = 0.150359; FLQ_ac = λ*·(1/(3/7)) = 1.052516 (capped at 1).
    /// Regional output xᴿ = x·Rᵢ/Nᵢ = (10, 60, 21.428571).
    @Test func handComputedQuotientsAndCoefficients() throws {
        let slq = try Regionalization(national: Self.national, sizes: Self.sizes, method: .slq)
        #expect(abs(slq.slq[0] - 1) < 1e-15 && abs(slq.slq[1] - 3) < 1e-15 && abs(slq.slq[2] - 3.0 / 7) < 1e-15)
        #expect(slq.lambda == nil)
        #expect(abs(slq.regionalOutput[2] - 1000 * 15 / 700) < 1e-12)
        // SLQ: row c (SLQ 3/7 < 1) scaled, rows a, b kept.
        #expect(abs(slq.regionalCoefficients[2, 0] - 0.05 * 3 / 7) < 1e-15)
        #expect(slq.regionalCoefficients[1, 2] == 0.14)

        let flq = try Regionalization(national: Self.national, sizes: Self.sizes, method: .flq, delta: 0.3)
        let lambda = try #require(flq.lambda)
        #expect(abs(lambda - 0.45107841476769495) < 1e-14)
        #expect(abs(flq.regionalCoefficients[0, 1] - 0.1 * lambda / 3) < 1e-15)       // 0.01503595
        #expect(abs(flq.regionalCoefficients[0, 0] - 0.05 * lambda) < 1e-15)          // FLQ_aa = SLQ_a·λ*
        #expect(flq.regionalCoefficients[0, 2] == 0.06)                                // FLQ_ac = 1.0525 → capped
        #expect(abs(flq.regionalCoefficients[2, 2] - 0.21 * 3 / 7 * lambda) < 1e-15)   // 0.04059706
        #expect(abs(flq.householdPurchaseCoefficients[2] - 3.0 / 7 * lambda) < 1e-15)

        let cilq = try Regionalization(national: Self.national, sizes: Self.sizes, method: .cilq)
        #expect(abs(cilq.regionalCoefficients[0, 1] - 0.1 / 3) < 1e-15)
        #expect(abs(cilq.regionalCoefficients[2, 1] - 0.125 / 7) < 1e-15)             // CILQ_cb = (3/7)/3
    }

    /// Invariants on a random table and random regions: rᵢⱼ ≤ aᵢⱼ; FLQ ≤ CILQ
    /// elementwise when λ* ≤ 1 (any region smaller than the nation); the AFLQ lies between
    /// FLQ and CILQ·log₂(1 + SLQⱼ); a larger δ never raises a coefficient.
    @Test(arguments: [UInt64(3), 17, 99])
    func quotientInvariants(seed: UInt64) throws {
        let table = IOTable.synthetic(sectors: 30, seed: seed)
        var rng = SplitMix64(seed: seed &+ 1)
        let employment = try #require(table.employment)
        let sizes = RegionalSectorSizes(measure: .employment, values: employment.map { $0 * 0.3 * rng.nextUnit() }, source: "random")
        let cilq = try Regionalization(national: table, sizes: sizes, method: .cilq)
        let flq = try Regionalization(national: table, sizes: sizes, method: .flq)
        let flq4 = try Regionalization(national: table, sizes: sizes, method: .flq, delta: 0.4)
        let aflq = try Regionalization(national: table, sizes: sizes, method: .aflq)
        #expect(try #require(flq.lambda) <= 1)
        for j in 0..<30 {
            for i in 0..<30 {
                let a = flq.nationalCoefficients[i, j]
                #expect(cilq.regionalCoefficients[i, j] <= a + 1e-15)
                #expect(flq.regionalCoefficients[i, j] <= cilq.regionalCoefficients[i, j] + 1e-15)
                #expect(flq4.regionalCoefficients[i, j] <= flq.regionalCoefficients[i, j] + 1e-15)
                #expect(aflq.regionalCoefficients[i, j] >= flq.regionalCoefficients[i, j] - 1e-15)
                #expect(aflq.regionalCoefficients[i, j] <= a + 1e-15)
            }
        }
    }

    /// A "region" that is the whole nation: every SLQ is 1, λ* = log₂(2)^δ = 1, so all four
    /// methods return the national coefficients.
    @Test(arguments: LocationQuotientMethod.allCases)
    func wholeNationIsTheNation(method: LocationQuotientMethod) throws {
        let sizes = RegionalSectorSizes(measure: .employment, values: try #require(Self.national.employment), source: "all")
        let r = try Regionalization(national: Self.national, sizes: sizes, method: method)
        #expect(r.regionalCoefficients == r.nationalCoefficients)
        #expect(r.slq.allSatisfy { abs($0 - 1) < 1e-15 })
        if method.usesDelta { #expect(r.lambda == 1) }
    }

    /// The written regional table: balanced (it reloads without warnings), its coefficients
    /// are the regional ones, and its output multipliers do not exceed the nation's
    /// (r ≤ a elementwise gives (I − r)⁻¹ ≤ (I − A)⁻¹).
    @Test func regionalTableIsBalancedAndItsMultipliersAreSmaller() throws {
        let flq = try Regionalization(national: Self.national, sizes: Self.sizes, method: .flq)
        let (table, _) = flq.regionalTable(source: "regional.csv")
        let reloaded = try IOTable(csv: String(decoding: table.csvBytes(comments: flq.provenance), as: UTF8.self), source: "regional.csv",
                                   options: .init(relativeTolerance: 1e-9, absoluteTolerance: 1e-9))
        #expect(reloaded.warnings.isEmpty, "\(reloaded.warnings)")
        let regionalModel = try LeontiefModel(table: reloaded)
        let a = regionalModel.technicalCoefficients
        for j in 0..<3 { for i in 0..<3 { #expect(abs(a[i, j] - flq.regionalCoefficients[i, j]) < 1e-12) } }
        let regional = try regionalModel.multipliers(), national = try LeontiefModel(table: Self.national).multipliers()
        for j in 0..<3 {
            #expect(regional[j].outputType1 <= national[j].outputType1 + 1e-12)
            #expect(regional[j].outputType1 >= 1)
            #expect(try #require(regional[j].outputType2) >= regional[j].outputType1)
        }
        // Imports now hold both leakages; the rest-of-nation part is listed separately.
        let importsRest = try #require(reloaded.importsFromRestOfNation)
        let imports = try #require(reloaded.imports)
        for j in 0..<3 { #expect(importsRest[j] <= imports[j] + 1e-12) }
        #expect(reloaded.employment == [5, 30, 15])
    }

    struct BadCase: Sendable, CustomStringConvertible {
        let name: String
        let csv: String
        let code: IOTableError.Code
        var description: String { name }
    }

    @Test(arguments: [
        BadCase(name: "more than the nation", csv: "sector,employment\na,500\n", code: .inconsistentTotals),
        BadCase(name: "unknown sector", csv: "sector,employment\nz,5\n", code: .unknownSector),
        BadCase(name: "negative", csv: "sector,employment\na,-5\n", code: .invalidNumber),
        BadCase(name: "no value column", csv: "sector,jobs\na,5\n", code: .missingColumn),
        BadCase(name: "all zero", csv: "sector,employment\na,0\n", code: .emptyTable),
    ])
    func rejects(_ c: BadCase) {
        let error = #expect(throws: IOTableError.self) {
            let sizes = try RegionalSectorSizes(csv: c.csv, source: "region.csv", table: Self.national)
            _ = try Regionalization(national: Self.national, sizes: sizes, method: .flq)
        }
        #expect(error?.code == c.code, "\(c.name): \(String(describing: error))")
        #expect(error?.description.contains("region.csv") == true)
    }

    @Test func employmentFileNeedsAnEmploymentRow() throws {
        let table = try IOTable(csv: millerBlairTable23, source: "mb.csv")
        let sizes = RegionalSectorSizes(measure: .employment, values: [1, 2], source: "r.csv")
        let error = #expect(throws: IOTableError.self) { try Regionalization(national: table, sizes: sizes, method: .slq) }
        #expect(error?.message.contains("no employment row") == true)
        // Output sizes work without one.
        let bySize = try Regionalization(national: table, sizes: RegionalSectorSizes(measure: .output, values: [100, 100], source: "r.csv"), method: .slq)
        #expect(bySize.regionalOutput == [100, 100])
    }
}
