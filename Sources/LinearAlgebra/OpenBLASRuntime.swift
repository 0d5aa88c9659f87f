import COpenBLAS

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
