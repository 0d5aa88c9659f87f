import TransactionIO

/// Everything one pass over a transaction log produces, in a form that merges
/// exactly: scanning a log gives the same aggregates as merging the scans of its
/// parts, in any order. Memory grows with the number of distinct keys
/// (regions × industries × months, region pairs × months, consumers), never with rows.
public struct ScanAggregates: Sendable {
    /// Row accounting per file (path → accounting).
    public var rowsByFile: [String: RowAccounting] = [:]
    /// Net spending by merchant region × industry × month (won).
    public var spending: [RegionIndustryMonth: SpendCell] = [:]
    /// Origin–destination flows: consumer region × merchant region × month (won).
    public var flows: [RegionFlowMonth: SpendCell] = [:]
    /// Distinct consumers, by 64-bit hash of the consumer id.
    public var consumerKeys: Set<UInt64> = []

    public init() {}

    /// Row accounting over all files.
    public var rows: RowAccounting { rowsByFile.values.reduce(RowAccounting(), +) }

    /// Net won over everything accepted.
    public var netAmount: Int64 { spending.values.reduce(0) { $0 + $1.netAmount } }

    /// Adds a batch of accepted rows.
    public mutating func add(_ batch: TransactionBatch) {
        for k in 0..<batch.count {
            let amount = batch.netAmount[k]
            let month = batch.month[k]
            let merchantRegion = batch.merchantRegion[k]
            spending[RegionIndustryMonth(merchantRegion: merchantRegion, industry: batch.industry[k], month: month), default: SpendCell()].add(amount)
            flows[RegionFlowMonth(consumerRegion: batch.consumerRegion[k], merchantRegion: merchantRegion, month: month), default: SpendCell()].add(amount)
            let consumer = batch.consumerKey[k]
            if consumer != 0 { consumerKeys.insert(consumer) }
        }
    }

    /// Records the accounting of one scanned file.
    public mutating func record(_ accounting: RowAccounting, file: String) {
        rowsByFile[file, default: RowAccounting()] = rowsByFile[file, default: RowAccounting()] + accounting
    }

    /// Merges `other` into `self` (exact: integer sums and set unions).
    public mutating func merge(_ other: ScanAggregates) {
        rowsByFile.merge(other.rowsByFile, uniquingKeysWith: +)
        spending.merge(other.spending, uniquingKeysWith: +)
        flows.merge(other.flows, uniquingKeysWith: +)
        consumerKeys.formUnion(other.consumerKeys)
    }

    public static func + (a: ScanAggregates, b: ScanAggregates) -> ScanAggregates {
        var r = a
        r.merge(b)
        return r
    }
}
