import Testing
import LinearAlgebra
@testable import ImpactModel

@Suite("Net effects and Monte Carlo bands")
struct NetEffectAndMonteCarloTests {
    static let national = try! IOTable(csv: handNationalTable, source: "hand.csv")
    static let sizes = try! RegionalSectorSizes(csv: handRegionalEmployment, source: "region.csv", table: national)
    static let twoRegion = try! TwoRegionModel(regionalization: Regionalization(national: national, sizes: sizes, method: .flq))
    static let concordance = try! Concordance(csv: "ksic,sector\n47,b\n56,c\n", source: "map.csv", table: national)
    static let margins = try! MarginTable(csv: """
        ksic,component,sector,share
        47,own,,0.25
        47,goods,a,0.65
        47,tax,,0.1
        """, source: "m.csv", table: national)
    static let demand = concordance.demand(spending: [("47121", 20_000_000), ("56111", 10_000_000)], margins: margins,
                                           sectorCount: 3, wonPerUnit: 1e6)

    /// Miller & Blair's closed model (Fixtures.swift; §2.5) with spending of 100 on sector 1:
    /// gross Type I value added = 100 (all of final demand is paid out as value added in a
    /// table without imports), Type II output = 100·(L̄₁₁ + L̄₂₁) = 100·(1.365 + 0.527);
    /// with s = 0.3 the net effects are 0.3 times the gross ones, and the costs follow from
    /// the rates: discount 10 % of 100 won issued, city share 60 % → 6 won, operating 2 won.
    @Test func netEffectsScaleGrossEffectsAndCostsFollowTheRates() throws {
        let model = RegionalEffectModel.single(try LeontiefModel(table: load(millerBlairClosed)))
        var p = NetEffectParameters()
        p.incrementalShare = 0.3
        let net = try NetEffect(model: model, own: [100, 0], supplied: [0, 0], spendingWon: 100, wonPerUnit: 1, parameters: p)
        let gross2 = try #require(net.gross.value(.output, .inRegion, typeII: true))
        #expect(abs(gross2 - 100 * (1.365 + 0.527)) < 0.1)
        #expect(abs(try #require(net.netRegional.value(.output, .inRegion)) - 0.3 * (try #require(net.gross.value(.output, .inRegion)))) < 1e-12)
        #expect(abs(net.discountWon - 10) < 1e-12 && abs(net.discountByCityWon - 6) < 1e-12 && abs(net.discountByNationWon - 4) < 1e-12)
        #expect(abs(net.operatingCostWon - 2) < 1e-12 && abs(net.cityCostWon - 8) < 1e-12)
        #expect(abs(net.deadweightLossWon - 0.51) < 1e-12 && abs(net.nationalCostWon - 12.51) < 1e-12)
        let va = try #require(net.regionalValueAddedWon())
        #expect(abs(va - 30) < 1e-9)   // 0.3 × 100: value added equals final demand without imports
        #expect(abs(try #require(net.regionalBenefitCostRatio()) - 30.0 / 8) < 1e-9)
        #expect(!net.nationalIsNation)
    }

    /// Two regions: displaced spending counts in the region but comes off the national
    /// total; with d = 0 the national net effect is s times the gross national effect.
    @Test func displacementLowersTheNationalButNotTheRegionalEffect() throws {
        let model = RegionalEffectModel.twoRegion(Self.twoRegion)
        let (own, supplied) = Self.demand.vectors()
        var p = NetEffectParameters(incrementalShare: 0.5)
        let none = try NetEffect(model: model, own: own, supplied: supplied, spendingWon: 30e6, wonPerUnit: 1e6, parameters: p)
        p.displacedShare = 1
        let all = try NetEffect(model: model, own: own, supplied: supplied, spendingWon: 30e6, wonPerUnit: 1e6, parameters: p)
        #expect(none.nationalIsNation)
        #expect(abs(try #require(none.netNational.total(.valueAdded)) - 0.5 * (try #require(none.gross.total(.valueAdded)))) < 1e-9)
        #expect(try #require(all.regionalValueAddedWon()) == (try #require(none.regionalValueAddedWon())))
        #expect(try #require(all.nationalValueAddedWon()) < (try #require(none.nationalValueAddedWon())))
        // Fully displaced spending: the nation gains only from the sector mix moving, not the volume.
        #expect(abs(try #require(all.nationalValueAddedWon())) < 0.2 * (try #require(none.nationalValueAddedWon())))
    }

    /// With no spread in any assumption every draw is the deterministic net effect, and a
    /// run is reproducible from its seed; with spread, the bands bracket the median and the
    /// mean of a quantity linear in a uniform incremental share is its midpoint's value.
    @Test func demandDrawsAreReproducibleAndConsistent() throws {
        let model = RegionalEffectModel.twoRegion(Self.twoRegion)
        let fixed = MonteCarloOptions(demandDraws: 200, coefficientDraws: 0, incrementalShareRange: 0.1...0.1, marginSpread: 0)
        let bands = try MonteCarloSimulation(model: model, demand: Self.demand, options: fixed).runDemandDraws()
        let (own, supplied) = Self.demand.vectors()
        let deterministic = try NetEffect(model: model, own: own, supplied: supplied, spendingWon: 30e6, wonPerUnit: 1e6,
                                          parameters: NetEffectParameters(incrementalShare: 0.1))
        let b = try #require(bands.band(.valueAdded, place: "in_region"))
        let expected = try #require(deterministic.netRegional.value(.valueAdded, .inRegion))
        #expect(b.values.allSatisfy { abs($0 - expected) < 1e-12 * expected })
        #expect(abs(try #require(bands.band(.output, place: "total", typeII: true)).mean - (try #require(deterministic.netRegional.total(.output, typeII: true)))) < 1e-9)

        let options = MonteCarloOptions(demandDraws: 4_000, coefficientDraws: 0, seed: 7)
        let a1 = try MonteCarloSimulation(model: model, demand: Self.demand, options: options).runDemandDraws()
        let a2 = try MonteCarloSimulation(model: model, demand: Self.demand, options: options).runDemandDraws()
        #expect(a1.bands == a2.bands)
        let output = try #require(a1.band(.output, place: "in_region"))
        #expect(output.values[0] < output.values[1] && output.values[1] < output.values[2])
        let share = try #require(a1.inRegionShare)
        #expect(share.values.allSatisfy { $0 > 0 && $0 < 1 })
        // Employment in the region is linear in s (margins fixed): mean ≈ value at s = 0.1 (±3 %).
        let jobsOptions = MonteCarloOptions(demandDraws: 4_000, coefficientDraws: 0, marginSpread: 0, seed: 11)
        let jobs = try #require(try MonteCarloSimulation(model: model, demand: Self.demand, options: jobsOptions).runDemandDraws()
            .band(.employment, place: "in_region"))
        let atMidpoint = try #require(deterministic.netRegional.value(.employment, .inRegion))
        #expect(abs(jobs.mean - atMidpoint) < 0.03 * atMidpoint)
    }

    /// Coefficient draws: with no perturbation they reproduce the demand-only result (both
    /// LAPACK paths), and with perturbation they stay reproducible and finite, with no
    /// double-precision fallbacks for these well-conditioned matrices.
    @Test(arguments: [true, false])
    func coefficientDraws(mixedPrecision: Bool) throws {
        for model in [RegionalEffectModel.twoRegion(Self.twoRegion), .single(try LeontiefModel(table: Self.national))] {
            var options = MonteCarloOptions(demandDraws: 50, coefficientDraws: 50, incrementalShareRange: 0.2...0.2, marginSpread: 0,
                                            coefficientVariation: 0, mixedPrecision: mixedPrecision)
            let simulation = MonteCarloSimulation(model: model, demand: Self.demand, options: options)
            let fromDemand = try simulation.runDemandDraws(), fromCoefficients = try simulation.runCoefficientDraws()
            for band in fromDemand.bands {
                let other = try #require(fromCoefficients.band(band.measure, place: band.place, typeII: band.typeII))
                #expect(zip(band.values, other.values).allSatisfy { abs($0 - $1) <= 1e-9 * max(abs($0), 1) }, "\(band.measure) \(band.place)")
            }
            options.coefficientVariation = 0.2
            let perturbed = try MonteCarloSimulation(model: model, demand: Self.demand, options: options).runCoefficientDraws()
            let again = try MonteCarloSimulation(model: model, demand: Self.demand, options: options).runCoefficientDraws()
            #expect(perturbed.bands == again.bands)
            #expect(perturbed.fallbacks == 0)
            let output = try #require(perturbed.band(.output, place: "in_region"))
            #expect(output.values.allSatisfy { $0.isFinite && $0 > 0 })
            #expect(output.values[0] < output.values[2])
        }
    }

    @Test func invalidOptionsAreNamed() {
        #expect(MonteCarloOptions(coefficientVariation: 0.7).problems.contains { $0.contains("--coefficient-cv") })
        #expect(NetEffectParameters(fundingShares: .init(nation: 0.5, province: 0.5, city: 0.5)).problems.contains { $0.contains("sum to 1") })
        #expect(NetEffectParameters().problems.isEmpty && MonteCarloOptions().problems.isEmpty)
    }
}
