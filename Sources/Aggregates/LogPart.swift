import TransactionIO

/// One file of a log, as `LogScan` scans it: its name, its size as text (for a gzip file an
/// estimate, which only sets the number of consumer partitions), and how to run its driver.
struct LogPart {
    /// Runs a file's driver: whether to guess chunk cuts (`ParallelScanDriver`; a streamed gzip
    /// file ignores it), where each worker's batches go, what to do after each round. Returns
    /// the file's row accounting and how it was read.
    typealias Run = (_ speculate: Bool, _ onBatch: @Sendable (Int, TransactionBatch) -> Void,
                     _ afterRound: (ScanRound) throws(ScanError) -> Void) throws(ScanError) -> (RowAccounting, FileReadInfo?)

    let file: String
    let textBytes: Int
    let run: Run
}
