/// Location-quotient formulas for estimating a region's input coefficients from a
/// national table (Miller & Blair 2009, §8.3; Flegg & Webber 1997; Flegg & Tohmo 2013).
///
/// With regional (R) and national (N) sizes by sector — employment, or output — and
/// totals TRE = Σ Rᵢ, TNE = Σ Nᵢ:
/// - `slq`: SLQᵢ = (Rᵢ/TRE) / (Nᵢ/TNE), the same for every purchasing sector j;
/// - `cilq`: CILQᵢⱼ = SLQᵢ / SLQⱼ (supplier i against purchaser j), CILQᵢᵢ = SLQᵢ;
/// - `flq`: FLQᵢⱼ = CILQᵢⱼ · λ*, λ* = [log₂(1 + TRE/TNE)]^δ, with FLQᵢᵢ = SLQᵢ · λ*
///   (Flegg & Webber 1997). λ* < 1 for any region smaller than the nation, so the FLQ
///   allows for imports from other regions even when the CILQ says the region could
///   supply itself; the smaller the region, the larger the allowance;
/// - `aflq`: AFLQᵢⱼ = FLQᵢⱼ · log₂(1 + SLQⱼ) where SLQⱼ > 1 (a specialised purchasing
///   sector buys more locally), else FLQᵢⱼ (Flegg & Webber 2000).
/// The regional coefficient is rᵢⱼ = aᵢⱼ · min(1, LQᵢⱼ): a quotient below 1 means the
/// region cannot supply all its own needs of i and imports the rest.
///
/// δ (FLQ, AFLQ): 0.3 is the value Flegg & Webber (1997) proposed and the common
/// default; the literature uses roughly 0.1–0.4 (Flegg & Tohmo 2013, *Regional Studies*
/// 47(5), who fit a regression for δ by region size on 20 Finnish regions; Flegg et al.
/// 2021, *Journal of Economic Structures*, who estimate region-specific δ for 16 South
/// Korean regions). A larger δ means a larger allowance for interregional imports.
public enum LocationQuotientMethod: String, Sendable, CaseIterable {
    case slq, cilq, flq, aflq

    /// The default δ of the FLQ and AFLQ (Flegg & Webber 1997).
    public static let defaultDelta = 0.3
    /// The range of δ reported in the literature (Flegg & Tohmo 2013): a guide, not a limit.
    public static let literatureDeltaRange = 0.1...0.4

    /// Whether the formula uses δ and λ*.
    public var usesDelta: Bool { self == .flq || self == .aflq }
}
