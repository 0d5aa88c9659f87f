/// Assumptions that turn gross effects of certificate spending into net effects, with
/// documented defaults (docs/REGIONAL.md lists the sources); every one is a flag of
/// `lcimpact analyze`.
///
/// - `incrementalShare` (default 0.10): the part of certificate spending that is new
///   spending at the region's merchants rather than spending that would have happened
///   anyway with cash or cards. Default: the Korea Research Institute for Local
///   Administration's conservative scenario (KRILA 2019), in which only the discount —
///   10 % of face value, an income gain to users — becomes new consumption; KRILA's
///   headline scenario took all issuance as new (1.0); the Korea Institute of Public
///   Finance (KIPF 2020, 송경호·이환웅) found no net gain, i.e. ≈ 0 for the nation, and the
///   Gyeonggi Research Institute (윤성진·유영성 2021) strong substitution between payment means.
/// - `displacedShare` (default 0): of the incremental spending, the part that would have
///   been spent at merchants in other Korean regions. It counts for the region but is a
///   loss elsewhere, so the national view subtracts it. KIPF (2020) argues the regional
///   gains are largely such a zero-sum shift; 0 reports the national view without that
///   shift (an upper bound) — set it to see the national effect shrink.
/// - `discountRate` (default 0.10): discount at purchase, paid from public budgets.
///   KIPF (2020) costs a 10 % discount; issuers offer 6–10 % (KRILA 2020).
/// - `fundingShares` (default nation 0.4, province 0, city 0.6): who pays the discount.
///   From 2019 the national government subsidised 4 % of issuance (KRILA policy brief,
///   여효성 2021: 884억 won for 2.3조 of issuance), i.e. 40 % of a 10 % discount; the issuing
///   city paid the rest. Provinces co-fund in some places: set them.
/// - `issuanceCostRate` (default 0.02): printing, sales commissions and card/platform fees
///   per won issued. KIPF (2020): about 1,800억 won of such costs on about 9조 won issued in
///   2020 (≈ 2 %), borne by the issuer (the city).
/// - `deadweightLossRate` (default 0.0051): the efficiency loss of the distortion per won
///   issued, a national cost with no budget line. KIPF (2020): about 460억 won on ≈ 9조 (≈ 0.5 %).
/// - `issuanceWon`: the amount issued; default the certificate spending in the data
///   (issuance ≈ redemption; KRILA 2020 found 77 % spent within three months).
public struct NetEffectParameters: Sendable, Equatable {
    public var incrementalShare: Double
    public var displacedShare: Double
    public var discountRate: Double
    public var fundingShares: FundingShares
    public var issuanceCostRate: Double
    public var deadweightLossRate: Double
    public var issuanceWon: Double?

    /// Who pays the discount; shares sum to 1.
    public struct FundingShares: Sendable, Equatable {
        public var nation: Double
        public var province: Double
        public var city: Double

        public init(nation: Double, province: Double, city: Double) {
            self.nation = nation
            self.province = province
            self.city = city
        }
    }

    public init(incrementalShare: Double = 0.10, displacedShare: Double = 0, discountRate: Double = 0.10,
                fundingShares: FundingShares = FundingShares(nation: 0.4, province: 0, city: 0.6),
                issuanceCostRate: Double = 0.02, deadweightLossRate: Double = 0.0051, issuanceWon: Double? = nil) {
        self.incrementalShare = incrementalShare
        self.displacedShare = displacedShare
        self.discountRate = discountRate
        self.fundingShares = fundingShares
        self.issuanceCostRate = issuanceCostRate
        self.deadweightLossRate = deadweightLossRate
        self.issuanceWon = issuanceWon
    }

    /// The parameters' problems, as messages naming the flag (empty when valid).
    public var problems: [String] {
        var out: [String] = []
        func unit(_ v: Double, _ flag: String) { if !(v >= 0 && v <= 1) { out.append("\(flag) must be between 0 and 1 (got \(v))") } }
        unit(incrementalShare, "--incremental-share")
        unit(displacedShare, "--displaced-share")
        unit(discountRate, "--discount-rate")
        unit(issuanceCostRate, "--issuance-cost-rate")
        unit(deadweightLossRate, "--deadweight-loss-rate")
        let f = fundingShares
        for (v, name) in [(f.nation, "nation"), (f.province, "province"), (f.city, "city")] where !(v >= 0 && v <= 1) {
            out.append("--funding \(name) share must be between 0 and 1 (got \(v))")
        }
        if abs(f.nation + f.province + f.city - 1) > 1e-9 {
            out.append("--funding shares must sum to 1 (nation \(f.nation) + province \(f.province) + city \(f.city))")
        }
        if let issuanceWon, !(issuanceWon >= 0) { out.append("--issuance-won must be ≥ 0 (got \(issuanceWon))") }
        return out
    }
}
