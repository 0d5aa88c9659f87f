import TransactionIO

/// Everything one pass over a transaction log produces, in a form that merges
/// exactly: scanning a log gives the same aggregates as merging the scans of its
/// parts, in any order, with any thread count or chunk size. Memory grows with
/// the number of distinct keys (regions × industries × months, region pairs ×
/// months, merchants, consumers), never with rows. Money in won.
public struct ScanAggregates: Sendable, Equatable {
    /// Row accounting per file (path → accounting).
    public var rowsByFile: [String: RowAccounting] = [:]
    /// How each file was read (encoding, delimiter, compression).
    public var filesRead: [String: FileReadInfo] = [:]
    /// Net spending by merchant region × industry × month.
    public var spending: [RegionIndustryMonth: SpendCell] = [:]
    /// Origin–destination flows: consumer region × merchant region × month.
    public var flows: [RegionFlowMonth: SpendCell] = [:]
    /// Per-merchant totals, by 64-bit hash of the merchant id.
    public var merchants: [UInt64: MerchantTotals] = [:]
    /// Per-consumer features.
    public var consumers = ConsumerTable()
    /// Whether duplicate tx_ids were looked for (`--dedupe`); repeats are quarantined
    /// as `duplicate_tx_id`. A merge is checked only if every part was (and duplicates
    /// across parts scanned separately are not detected).
    public var duplicatesChecked = false

    public init() {}

    /// Row accounting over all files.
    public var rows: RowAccounting { rowsByFile.values.reduce(RowAccounting(), +) }

    /// Net won over everything accepted (exact whenever the total fits in Int64; sums are
    /// modulo 2⁶⁴ like the cells, so an absurd total wraps instead of trapping —
    /// `totalsOverflow` says when that happened).
    public var netAmount: Int64 { spending.values.reduce(0) { $0 &+ $1.netAmount } }

    /// Whether any reported total (net spending overall or by region) passes the Int64 range.
    public var totalsOverflow: Bool {
        var total: Int64 = 0
        for cell in spending.values {
            let (sum, overflow) = total.addingReportingOverflow(cell.netAmount)
            if overflow { return true }
            total = sum
        }
        return false
    }

    /// Adds a batch of accepted rows (single-threaded use; the parallel scan
    /// routes batches through per-worker accumulators).
    public mutating func add(_ batch: TransactionBatch) {
        let accumulator = ChunkAccumulator(partitions: 1)
        accumulator.add(batch)
        accumulator.drain(into: &self)
        accumulator.applyWaiting(for: 0, to: &consumers)
    }

    /// Records the accounting of one scanned file.
    public mutating func record(_ accounting: RowAccounting, file: String) {
        rowsByFile[file, default: RowAccounting()] = rowsByFile[file, default: RowAccounting()] + accounting
    }

    /// Merges `other` into `self` (exact: integer sums, min/max, unions).
    public mutating func merge(_ other: ScanAggregates) {
        let wasEmpty = rowsByFile.isEmpty
        duplicatesChecked = wasEmpty ? other.duplicatesChecked : (duplicatesChecked && other.duplicatesChecked)
        rowsByFile.merge(other.rowsByFile, uniquingKeysWith: +)
        filesRead.merge(other.filesRead) { a, _ in a }
        // Into an empty dictionary a merge would insert every entry again (80,000 merchants of
        // the 32 M-row log: ~30 ms on one thread at the end of every scan); sharing the other's
        // storage (copy-on-write) gives the same dictionary at once.
        Self.merge(other.spending, into: &spending, sum: +)
        Self.merge(other.flows, into: &flows, sum: +)
        Self.merge(other.merchants, into: &merchants, sum: +)
        if consumers.count == 0 {
            consumers = other.consumers  // shares storage (copy-on-write) instead of copying records
        } else {
            consumers.merge(other.consumers)
        }
    }

    /// `target.merge(other, uniquingKeysWith: sum)`, or `other` itself when `target` is empty.
    private static func merge<Key: Hashable, Value>(_ other: [Key: Value], into target: inout [Key: Value],
                                                   sum: (Value, Value) -> Value) {
        if target.isEmpty {
            target = other
        } else {
            target.merge(other, uniquingKeysWith: sum)
        }
    }

    public static func + (a: ScanAggregates, b: ScanAggregates) -> ScanAggregates {
        var r = a
        r.merge(b)
        return r
    }
}

/// How one file was read.
public struct FileReadInfo: Sendable, Equatable {
    public var encoding: String
    public var encodingDetected: Bool
    public var delimiter: String
    public var gzip: Bool
    /// Canonical column → source header name.
    public var columns: [String: String]

    public init(encoding: String, encodingDetected: Bool, delimiter: String, gzip: Bool, columns: [String: String]) {
        self.encoding = encoding
        self.encodingDetected = encodingDetected
        self.delimiter = delimiter
        self.gzip = gzip
        self.columns = columns
    }

    init(layout: LogLayout, gzip: Bool) {
        self.init(
            encoding: layout.encoding.rawValue, encodingDetected: layout.encodingDetected,
            delimiter: layout.delimiter == 9 ? "\\t" : String(UnicodeScalar(layout.delimiter)), gzip: gzip,
            columns: Dictionary(uniqueKeysWithValues: layout.schema.sourceNames.map { ($0.key.rawValue, $0.value) }))
    }
}
