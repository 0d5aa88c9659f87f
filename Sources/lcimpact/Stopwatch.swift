#if canImport(Glibc)
import Glibc
#endif

/// Wall-clock seconds since creation (CLOCK_MONOTONIC).
struct Stopwatch {
    let start: timespec
    init() {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        start = t
    }
    var seconds: Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec - start.tv_sec) + Double(t.tv_nsec - start.tv_nsec) / 1e9
    }
}
