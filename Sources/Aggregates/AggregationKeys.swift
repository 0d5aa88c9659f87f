import TransactionIO

/// Merchant region × industry × month.
public struct RegionIndustryMonth: Hashable, Sendable {
    public var merchantRegion: Int64
    public var industry: IndustryCode
    /// YYYYMM.
    public var month: Int32

    public init(merchantRegion: Int64, industry: IndustryCode, month: Int32) {
        self.merchantRegion = merchantRegion
        self.industry = industry
        self.month = month
    }
}

/// Consumer (home) region × merchant region × month: an origin–destination flow.
public struct RegionFlowMonth: Hashable, Sendable {
    public var consumerRegion: Int64
    public var merchantRegion: Int64
    /// YYYYMM.
    public var month: Int32

    public init(consumerRegion: Int64, merchantRegion: Int64, month: Int32) {
        self.consumerRegion = consumerRegion
        self.merchantRegion = merchantRegion
        self.month = month
    }
}
