import COpenBLAS

#if canImport(Glibc)
import Glibc
#endif

/// What the linked OpenBLAS reports about itself at run time.
///
/// Debian's OpenBLAS 0.3.21 picks its kernel at load time from the CPU (or from
/// the `OPENBLAS_CORETYPE` environment variable). On some CPUs it falls back to a
/// slow generic kernel ("Prescott"); performance figures must say which kernel ran.
public enum OpenBLASRuntime {
    /// The kernel OpenBLAS selected, e.g. "Haswell", "Zen", "SkylakeX" or "Prescott".
    public static var coreName: String {
        guard let name = openblas_get_corename() else { return "unknown" }
        return String(cString: name)
    }

    /// Threads OpenBLAS uses for one BLAS call.
    public static var threadCount: Int { Int(openblas_get_num_threads()) }

    /// Sets the threads OpenBLAS uses. Set 1 when the caller parallelizes around
    /// BLAS calls itself: concurrent calls into the threaded build serialize on a lock.
    public static func setThreadCount(_ n: Int) {
        openblas_set_num_threads(Int32(max(1, n)))
    }

    /// Stops OpenBLAS's worker threads now, if its build has them; its next threaded call
    /// starts them again (OpenBLAS re-creates its thread pool on demand, as it does after a
    /// `fork`). Returns whether the linked OpenBLAS has the shutdown entry point.
    ///
    /// Why: the pthread build of OpenBLAS (Debian's default) starts its worker threads when
    /// the library loads, and each waits for work by spinning on `sched_yield` for about
    /// 2²⁸ cycles (`OPENBLAS_THREAD_TIMEOUT`, 0.1 s at 2.5 GHz) before it sleeps. A command
    /// that does no BLAS work (a scan) lost one of two cores to that spin for its first
    /// 0.1 s: `lcimpact scan` of a one-row log took 62 ms of wall time and 69 ms of CPU,
    /// 23 and 21 ms once the threads were stopped. Call it from one thread, when no BLAS
    /// call is running (`lcimpact` does so first thing in `main`). The entry point
    /// (`blas_thread_shutdown_`) is looked up at run time, so an OpenBLAS built without
    /// threads (which has none) links as well.
    @discardableResult
    public static func stopIdleThreads() -> Bool {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "blas_thread_shutdown_") else { return false }
        typealias Shutdown = @convention(c) () -> Int32
        _ = unsafeBitCast(symbol, to: Shutdown.self)()
        return true
    }

    /// Runs `body` with OpenBLAS set to `n` threads and restores the previous count
    /// afterwards (also when `body` throws). The setting is process-wide: call it from
    /// one thread, around a parallel region, not from inside one.
    public static func withThreadCount<R>(_ n: Int, _ body: () throws -> R) rethrows -> R {
        let previous = threadCount
        setThreadCount(n)
        defer { setThreadCount(previous) }
        return try body()
    }
}
