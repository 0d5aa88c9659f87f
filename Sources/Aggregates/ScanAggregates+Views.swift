import TransactionIO

extension ScanAggregates {
    /// Spending by merchant region × industry over all months, sorted by region then industry.
    public func spendingByRegionIndustry() -> [(merchantRegion: Int64, industry: IndustryCode, cell: SpendCell)] {
        var totals: [RegionIndustryMonth: SpendCell] = [:]
        for (key, cell) in spending {
            totals[RegionIndustryMonth(merchantRegion: key.merchantRegion, industry: key.industry, month: 0), default: SpendCell()] =
                totals[RegionIndustryMonth(merchantRegion: key.merchantRegion, industry: key.industry, month: 0), default: SpendCell()] + cell
        }
        return totals.map { ($0.key.merchantRegion, $0.key.industry, $0.value) }
            .sorted { ($0.merchantRegion, $0.industry) < ($1.merchantRegion, $1.industry) }
    }

    /// Flows consumer region × merchant region over all months, sorted.
    public func flowsByRegionPair() -> [(consumerRegion: Int64, merchantRegion: Int64, cell: SpendCell)] {
        var totals: [RegionFlowMonth: SpendCell] = [:]
        for (key, cell) in flows {
            let k = RegionFlowMonth(consumerRegion: key.consumerRegion, merchantRegion: key.merchantRegion, month: 0)
            totals[k, default: SpendCell()] = totals[k, default: SpendCell()] + cell
        }
        return totals.map { ($0.key.consumerRegion, $0.key.merchantRegion, $0.value) }
            .sorted { ($0.consumerRegion, $0.merchantRegion) < ($1.consumerRegion, $1.merchantRegion) }
    }

    /// Net won by industry at merchants in `regions` (all months).
    public func spendingByIndustry(inMerchantRegions regions: Set<Int64>) -> [(industry: IndustryCode, cell: SpendCell)] {
        var totals: [IndustryCode: SpendCell] = [:]
        for (key, cell) in spending where regions.contains(key.merchantRegion) {
            totals[key.industry, default: SpendCell()] = totals[key.industry, default: SpendCell()] + cell
        }
        return totals.map { ($0.key, $0.value) }.sorted { $0.industry < $1.industry }
    }

    /// Months present, sorted (YYYYMM).
    public var months: [Int32] { Array(Set(spending.keys.map(\.month))).sorted() }
}
