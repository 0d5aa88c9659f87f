/// Settings of the uncertainty analysis (`MonteCarloSimulation`), with documented defaults.
///
/// - `demandDraws` (default 10,000): draws of the demand-side assumptions only — the
///   incremental share and the margin rates. They change only the final demand, so all
///   draws share one factorization and are one multi-right-hand-side solve.
/// - `coefficientDraws` (default 1,000): draws that also perturb the input coefficients;
///   each needs its own factorization, run in parallel.
/// - `incrementalShareRange` (default 0…0.2): the incremental share is uniform on it —
///   from KIPF's (2020) no net gain to twice KRILA's (2019) conservative 10 %; a judgment
///   to be replaced by survey evidence where there is some.
/// - `marginSpread` (default 0.25): each margin-table key's own and margin shares are
///   scaled by a factor uniform on [1 − spread, 1 + spread] (goods take up the difference;
///   taxes and imports stay) — published Korean distribution margins for one product
///   group differ by about that much between sources and years (docs/REGIONAL.md).
/// - `coefficientVariation` (default 0.10): each non-zero input coefficient is multiplied
///   by 1 + cv·√3·u, u uniform on [−1, 1] (mean 1, coefficient of variation cv), then each
///   column is rescaled to its original sum, so value added and imports per unit of output
///   stay as published and the matrix stays productive (Hawkins–Simon). Ten per cent is a
///   judgment in the range assumed by input–output uncertainty studies (e.g. Lenzen, Wood &
///   Wiedmann 2010, *Economic Systems Research* 22(1)); in a two-region model the
///   perturbation also moves the split of each purchase between the regions.
/// - `percentiles` (default 5th, 50th, 95th) and `seed` (default 2024): a seed makes a
///   run reproducible — draw k uses its own SplitMix64 stream, whatever thread runs it.
public struct MonteCarloOptions: Sendable, Equatable {
    public var demandDraws: Int
    public var coefficientDraws: Int
    public var incrementalShareRange: ClosedRange<Double>
    public var marginSpread: Double
    public var coefficientVariation: Double
    public var percentiles: [Double]
    public var seed: UInt64
    /// Mixed precision (LAPACK dsgesv) for the coefficient draws' factorizations; default
    /// false: at n ≈ 400 double precision (dgetrf) measured slightly faster (the refinement
    /// costs more than single precision saves at that size).
    public var mixedPrecision: Bool

    public init(demandDraws: Int = 10_000, coefficientDraws: Int = 1_000, incrementalShareRange: ClosedRange<Double> = 0...0.2,
                marginSpread: Double = 0.25, coefficientVariation: Double = 0.10, percentiles: [Double] = [0.05, 0.5, 0.95],
                seed: UInt64 = 2024, mixedPrecision: Bool = false) {
        self.demandDraws = demandDraws
        self.coefficientDraws = coefficientDraws
        self.incrementalShareRange = incrementalShareRange
        self.marginSpread = marginSpread
        self.coefficientVariation = coefficientVariation
        self.percentiles = percentiles
        self.seed = seed
        self.mixedPrecision = mixedPrecision
    }

    /// Problems with the settings, naming the flag (empty when valid).
    public var problems: [String] {
        var out: [String] = []
        if demandDraws < 0 || coefficientDraws < 0 { out.append("--draws and --coefficient-draws must be ≥ 0") }
        if incrementalShareRange.lowerBound < 0 || incrementalShareRange.upperBound > 1 {
            out.append("--incremental-range must lie within 0…1 (got \(incrementalShareRange))")
        }
        if !(marginSpread >= 0 && marginSpread < 1) { out.append("--margin-spread must be in [0, 1) (got \(marginSpread))") }
        // cv·√3 < 1 keeps every perturbed coefficient non-negative.
        if !(coefficientVariation >= 0 && coefficientVariation < 1 / 3.0.squareRoot()) {
            out.append("--coefficient-cv must be in [0, 0.577) so coefficients stay non-negative (got \(coefficientVariation))")
        }
        if percentiles.contains(where: { !($0 >= 0 && $0 <= 1) }) { out.append("--percentiles must lie in [0, 1]") }
        return out
    }
}
