#if canImport(Glibc)
import Glibc
#endif

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
    /// The log's encoding; nil detects it from the first 64 KiB.
    public var encoding: TextEncoding?
    /// Column mapping and extra status words.
    public var mapping: SchemaMapping
    /// Bytes per worker in a round of the parallel scan (the scan result does not depend on
    /// it). 32 MiB: a round of 2 × 32 MiB, cut into 1 MiB chunks, against 2 × 8 MiB before —
    /// a quarter of the round barriers and consumer phases; on the 32 M-row log the CPU left
    /// idle fell from 0.34 to 0.18 CPU-seconds and the mean wall time by 7.5 % (3.25 → 3.00 s,
    /// eight alternating rounds), for 245 → 349 MB peak resident memory (a round's file pages
    /// and its consumer updates stay resident until the round ends).
    public var chunkSize: Int
    /// Worker threads (the scan result does not depend on it).
    public var threads: Int
    /// Quarantine rows whose tx_id appeared earlier in the log (`--dedupe`). Parsing then
    /// runs on one thread, in file order; see `DuplicateFilter` for the memory cost.
    public var dedupe: Bool = false
    /// Which quarantined rows are listed to `onQuarantine` (the first 100,000 or 32 MiB of
    /// them, in file order); every row is counted either way.
    public var quarantineListing = QuarantineListing()
    /// How region codes are rewritten before they are aggregated (cut to their first digits,
    /// renamed); by default they are kept as written.
    public var regions = RegionCodeRules()

    public init(
        delimiter: UInt8? = nil, maxBadRows: BadRowLimit? = nil, batchSize: Int = 4096,
        encoding: TextEncoding? = nil, mapping: SchemaMapping = SchemaMapping(),
        chunkSize: Int = 32 << 20, threads: Int = ScanOptions.defaultThreads
    ) {
        self.delimiter = delimiter
        self.maxBadRows = maxBadRows
        self.batchSize = max(1, batchSize)
        self.encoding = encoding
        self.mapping = mapping
        self.chunkSize = max(1, chunkSize)
        self.threads = max(1, threads)
    }

    /// The number of online processors.
    public static var defaultThreads: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}
