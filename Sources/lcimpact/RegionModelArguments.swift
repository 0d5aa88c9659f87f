import ArgumentParser
import LocalCurrencyImpact

/// The region's model: location quotients from regional sizes, or a regional table.
struct RegionModelArguments: ParsableArguments {
    @Option(name: .customLong("employment"), help: "Regional employment (or output) by sector: sector,employment or sector,output. With it the table is read as the nation and a two-region model is built.")
    var employmentPath: String?

    @Option(name: .customLong("regional-table"), help: "A regional table of intra-regional flows (same sectors) for the region's coefficients, instead of location quotients.")
    var regionalTablePath: String?

    @Option(help: "Location-quotient method: slq, cilq, flq or aflq.")
    var method: LocationQuotientMethod = .flq

    @Option(help: "δ of the FLQ/AFLQ, λ* = [log2(1 + TRE/TNE)]^δ (literature: 0.1–0.4).")
    var delta: Double = LocationQuotientMethod.defaultDelta

    func validate() throws {
        guard delta.isFinite, delta >= 0, delta <= 1 else { throw ValidationError("--delta must be between 0 and 1 (got \(delta))") }
        if employmentPath != nil && regionalTablePath != nil {
            throw ValidationError("give either --employment or --regional-table, not both")
        }
    }
}

extension LocationQuotientMethod: ExpressibleByArgument {}
