/// Options for scanning a transaction log.
public struct ScanOptions: Sendable {
    /// When to give up on a file full of bad rows.
    public enum BadRowLimit: Sendable, Equatable {
        /// Abort once more than this many rows are quarantined.
        case count(Int64)
        /// Abort when more than this percentage of rows read is quarantined
        /// (checked once 1,000 rows have been read, and at the end).
        case percent(Double)

        /// Parses `N` or `P%`.
        public init?(parsing text: String) {
            if text.hasSuffix("%") {
                guard let p = Double(text.dropLast()), p >= 0, p <= 100 else { return nil }
                self = .percent(p)
            } else {
                guard let n = Int64(text), n >= 0 else { return nil }
                self = .count(n)
            }
        }
    }

    /// Field delimiter; nil detects it from the header (`,` `;` tab `|`).
    public var delimiter: UInt8?
    /// Abort threshold for quarantined rows; nil never aborts.
    public var maxBadRows: BadRowLimit?
    /// Rows per batch handed to the aggregators.
    public var batchSize: Int

    public init(delimiter: UInt8? = nil, maxBadRows: BadRowLimit? = nil, batchSize: Int = 1 << 16) {
        self.delimiter = delimiter
        self.maxBadRows = maxBadRows
        self.batchSize = max(1, batchSize)
    }
}
