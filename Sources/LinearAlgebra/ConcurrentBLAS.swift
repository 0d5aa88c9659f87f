import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// Many independent linear-algebra tasks at once (for example one LU factorization per
/// Monte Carlo draw of perturbed coefficients, LAPACK `dgetrf` or `dsgesv` on many
/// matrices), spread over the cores with `DispatchQueue.concurrentPerform`.
///
/// OpenBLAS is set to one thread for the duration (and restored afterwards): concurrent
/// calls into the threaded OpenBLAS serialize on a lock, and each task is small enough
/// that one core per task is the efficient split (PERFORMANCE.md, "OpenBLAS and LAPACKE").
public enum ConcurrentBLAS {
    /// Cores available to this process.
    public static var processorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// `body(i)` for i in 0..<count, in parallel over `workers` threads (default: all
    /// cores), results in index order. Tasks are dealt out in contiguous blocks, so
    /// per-task setup can be amortised by the caller. If tasks throw, the error of the
    /// lowest index is rethrown after all tasks finished.
    public static func map<T: Sendable>(_ count: Int, workers: Int? = nil, _ body: @Sendable (Int) throws -> T) throws -> [T] {
        if count == 0 { return [] }
        let threads = max(1, min(count, workers ?? processorCount))
        var results = [Result<T, any Error>?](repeating: nil, count: count)
        OpenBLASRuntime.withThreadCount(1) {
            results.withUnsafeMutableBufferPointer { buffer in
                // Safe: each index is written by exactly one task (blocks are disjoint) and
                // the buffer outlives concurrentPerform, which returns after all tasks end.
                nonisolated(unsafe) let slots = buffer
                DispatchQueue.concurrentPerform(iterations: threads) { worker in
                    let start = count * worker / threads, end = count * (worker + 1) / threads
                    for i in start..<end {
                        slots[i] = Result { try body(i) }
                    }
                }
            }
        }
        return try results.map { try $0!.get() }
    }

    /// `body(worker, range)` once per worker over contiguous, disjoint index ranges that
    /// cover 0..<count, so a worker can keep its own buffers across its tasks.
    public static func forEachBlock(_ count: Int, workers: Int? = nil,
                                    _ body: @Sendable (_ worker: Int, _ range: Range<Int>) throws -> Void) throws {
        let threads = max(1, min(count, workers ?? processorCount))
        _ = try map(threads, workers: threads) { worker in
            try body(worker, (count * worker / threads)..<(count * (worker + 1) / threads))
        }
    }
}
