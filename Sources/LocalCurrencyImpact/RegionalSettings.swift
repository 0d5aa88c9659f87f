/// The regional options of `ImpactAnalysis` (flags of `lcimpact analyze`).
///
/// - `regionalSizesPath` (`--employment`): the region's employment (or output) by sector;
///   with it the table is read as the nation and a two-region model (region vs rest of
///   the nation) is built by location quotients (`method`, `delta`).
/// - `regionalTablePath` (`--regional-table`): a regional table of intra-regional flows
///   for the region's own coefficients instead (for example a Bank of Korea provincial
///   table); the rest of the nation is then regionalized by output.
/// - neither: the table itself is the economy studied (single-table model).
/// - `marginsPath` (`--margins`): the purchaser-to-producer price bridge.
/// - `netEffect`, `monteCarlo` (nil: no uncertainty bands), `monthly`.
public struct RegionalSettings: Sendable {
    public var regionalSizesPath: String?
    public var regionalTablePath: String?
    public var method: LocationQuotientMethod
    public var delta: Double
    public var marginsPath: String?
    public var netEffect: NetEffectParameters
    public var monteCarlo: MonteCarloOptions?
    public var monthly: Bool

    public init(regionalSizesPath: String? = nil, regionalTablePath: String? = nil, method: LocationQuotientMethod = .flq,
                delta: Double = LocationQuotientMethod.defaultDelta, marginsPath: String? = nil,
                netEffect: NetEffectParameters = NetEffectParameters(),
                monteCarlo: MonteCarloOptions? = MonteCarloOptions(demandDraws: 10_000, coefficientDraws: 0), monthly: Bool = true) {
        self.regionalSizesPath = regionalSizesPath
        self.regionalTablePath = regionalTablePath
        self.method = method
        self.delta = delta
        self.marginsPath = marginsPath
        self.netEffect = netEffect
        self.monteCarlo = monteCarlo
        self.monthly = monthly
    }
}
