import Aggregates

/// Where the spending of a region's residents goes, and where its merchants'
/// takings come from, from the origin–destination flows of a scan (won).
///
/// - retention rate = residents' spending at merchants in the region / all residents' spending;
/// - leakage rate = 1 − retention rate (residents' spending at merchants elsewhere);
/// - inflow share = non-residents' spending at the region's merchants / all spending there.
/// A consumer's region is the `consumer_region` of the log (home region); cancellations
/// are netted. These are shares of recorded card/certificate spending, not of all
/// household consumption.
public struct RegionalLeakage: Sendable, Equatable {
    /// The region (one or more 시군구 codes).
    public let regions: Set<Int64>
    /// Residents' net spending at merchants in the region (won).
    public let retainedWon: Int64
    /// Residents' net spending at merchants outside the region (won).
    public let leakedWon: Int64
    /// Non-residents' net spending at merchants in the region (won).
    public let inflowWon: Int64
    /// Top destinations of leaked spending: merchant region → won, largest first.
    public let leakageDestinations: [(region: Int64, won: Int64)]

    public static func == (a: RegionalLeakage, b: RegionalLeakage) -> Bool {
        a.regions == b.regions && a.retainedWon == b.retainedWon && a.leakedWon == b.leakedWon && a.inflowWon == b.inflowWon
    }

    /// Residents' spending, all destinations (won).
    public var residentsWon: Int64 { retainedWon + leakedWon }
    /// Share of residents' spending that stays in the region (nil without residents' spending).
    public var retentionRate: Double? { residentsWon == 0 ? nil : Double(retainedWon) / Double(residentsWon) }
    /// Share of residents' spending that leaves the region.
    public var leakageRate: Double? { retentionRate.map { 1 - $0 } }
    /// Share of the region's merchants' takings from non-residents.
    public var inflowShare: Double? {
        let takings = retainedWon + inflowWon
        return takings == 0 ? nil : Double(inflowWon) / Double(takings)
    }

    /// Computes the leakage of `regions` from scan aggregates.
    public init(aggregates: ScanAggregates, regions: Set<Int64>) {
        var retained: Int64 = 0, leaked: Int64 = 0, inflow: Int64 = 0
        var destinations: [Int64: Int64] = [:]
        for (key, cell) in aggregates.flows {
            let residentBuyer = regions.contains(key.consumerRegion)
            let localMerchant = regions.contains(key.merchantRegion)
            switch (residentBuyer, localMerchant) {
            case (true, true): retained += cell.netAmount
            case (true, false):
                leaked += cell.netAmount
                destinations[key.merchantRegion, default: 0] += cell.netAmount
            case (false, true): inflow += cell.netAmount
            case (false, false): break
            }
        }
        self.regions = regions
        self.retainedWon = retained
        self.leakedWon = leaked
        self.inflowWon = inflow
        self.leakageDestinations = destinations.map { ($0.key, $0.value) }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }
    }
}
