import ArgumentParser
import LocalCurrencyImpact

/// Net-effect and uncertainty assumptions of `lcimpact analyze` (defaults and sources: docs/REGIONAL.md).
struct NetEffectArguments: ParsableArguments {
    @Option(name: .customLong("margins"), help: "Margin table: ksic,component,sector,share (purchaser → producer prices).")
    var marginsPath: String?

    @Option(name: .customLong("incremental-share"), help: "Share of certificate spending that is new spending (default 0.10: KRILA 2019 conservative scenario).")
    var incrementalShare: Double = 0.10

    @Option(name: .customLong("displaced-share"), help: "Share of the incremental spending taken from other regions (national view; default 0).")
    var displacedShare: Double = 0

    @Option(name: .customLong("discount-rate"), help: "Discount at purchase, paid from public budgets (default 0.10, KIPF 2020).")
    var discountRate: Double = 0.10

    @Option(help: "Who funds the discount: nation,province,city shares (default 0.4,0,0.6: national subsidy of 4 % of issuance from 2019).")
    var funding: String = "0.4,0,0.6"

    @Option(name: .customLong("issuance-cost-rate"), help: "Printing, commission and fee costs per won issued (default 0.02, KIPF 2020).")
    var issuanceCostRate: Double = 0.02

    @Option(name: .customLong("deadweight-loss-rate"), help: "Deadweight loss per won issued (default 0.0051, KIPF 2020).")
    var deadweightLossRate: Double = 0.0051

    @Option(name: .customLong("issuance-won"), help: "Amount issued (won); default: the certificate spending analysed.")
    var issuanceWon: Double?

    @Option(help: "Monte Carlo draws of the incremental share and margins (0: none).")
    var draws: Int = 10_000

    @Option(name: .customLong("coefficient-draws"), help: "Monte Carlo draws that also perturb the input coefficients (0: none).")
    var coefficientDraws: Int = 0

    @Option(help: "Random seed of the Monte Carlo draws.")
    var seed: UInt64 = 2024

    @Option(name: .customLong("incremental-range"), help: "Range of the incremental share in the draws: low,high (default 0,0.2).")
    var incrementalRange: String = "0,0.2"

    @Option(name: .customLong("margin-spread"), help: "Margin rates vary by ± this fraction in the draws (default 0.25).")
    var marginSpread: Double = 0.25

    @Option(name: .customLong("coefficient-cv"), help: "Coefficient of variation of the input coefficients in the draws (default 0.10).")
    var coefficientCV: Double = 0.10

    func validate() throws {
        _ = try parameters()
        _ = try monteCarlo()
    }

    func parameters() throws -> NetEffectParameters {
        let parts = funding.split(separator: ",").map { Double($0.trimmingCharacters()) }
        guard parts.count == 3, let nation = parts[0], let province = parts[1], let city = parts[2] else {
            throw ValidationError("--funding takes three shares nation,province,city such as 0.4,0,0.6 (got '\(funding)')")
        }
        let p = NetEffectParameters(incrementalShare: incrementalShare, displacedShare: displacedShare, discountRate: discountRate,
                                    fundingShares: .init(nation: nation, province: province, city: city),
                                    issuanceCostRate: issuanceCostRate, deadweightLossRate: deadweightLossRate, issuanceWon: issuanceWon)
        if let problem = p.problems.first { throw ValidationError(problem) }
        return p
    }

    func monteCarlo() throws -> MonteCarloOptions? {
        if draws == 0 && coefficientDraws == 0 { return nil }
        let parts = incrementalRange.split(separator: ",").map { Double($0.trimmingCharacters()) }
        guard parts.count == 2, let low = parts[0], let high = parts[1], low <= high else {
            throw ValidationError("--incremental-range takes low,high such as 0,0.2 (got '\(incrementalRange)')")
        }
        let options = MonteCarloOptions(demandDraws: draws, coefficientDraws: coefficientDraws, incrementalShareRange: low...high,
                                        marginSpread: marginSpread, coefficientVariation: coefficientCV, seed: seed)
        if let problem = options.problems.first { throw ValidationError(problem) }
        return options
    }
}
