/// The outcome of a Monte Carlo run: percentile bands of the net effects, not per-draw
/// records. Money in table units, employment in persons.
public struct MonteCarloSummary: Sendable {
    /// One quantity's distribution over the draws.
    public struct Band: Sendable, Equatable {
        public let measure: EffectMeasure
        /// `in_region`, `rest_of_nation` or `total`.
        public let place: String
        public let typeII: Bool
        public let mean: Double
        /// Values at `MonteCarloSummary.percentiles`, in order.
        public let values: [Double]
    }

    /// `demand` (incremental share and margins) or `coefficients` (those plus A).
    public let kind: String
    public let draws: Int
    public let seed: UInt64
    public let percentiles: [Double]
    public let bands: [Band]
    /// Share of the Type I output effect that stays in the region, per draw (two-region only).
    public let inRegionShare: Band?
    /// Coefficient draws whose mixed-precision solve fell back to double precision.
    public let fallbacks: Int

    /// The band of one quantity, if computed.
    public func band(_ measure: EffectMeasure, place: String, typeII: Bool = false) -> Band? {
        bands.first { $0.measure == measure && $0.place == place && $0.typeII == typeII }
    }

    /// Percentiles by linear interpolation between order statistics (Hyndman & Fan 1996,
    /// type 7, the default of R and numpy), of values in place.
    static func quantiles(_ values: inout [Double], _ ps: [Double]) -> [Double] {
        values.sort()
        guard let last = values.indices.last else { return ps.map { _ in .nan } }
        return ps.map { p in
            let h = Double(last) * p
            let lo = Int(h.rounded(.down)), hi = min(lo + 1, last)
            return values[lo] + (h - Double(lo)) * (values[hi] - values[lo])
        }
    }
}
