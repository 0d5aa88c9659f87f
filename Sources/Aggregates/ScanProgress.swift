#if canImport(Glibc)
import Glibc
#endif

/// A progress line on stderr (bytes, rate, ETA), redrawn at most 10 times a
/// second, only when stderr is a terminal.
public final class ScanProgress {
    private var lastDraw = 0.0
    private let started: Double
    private var bytesBefore = 0
    private let totalBytes: Int
    public let enabled: Bool

    /// `totalBytes`: the size of all files (compressed size for gzip).
    public init(totalBytes: Int, enabled: Bool = isatty(2) == 1) {
        self.totalBytes = max(totalBytes, 1)
        self.enabled = enabled
        started = Self.now()
    }

    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// Reports `done` bytes of the current file.
    public func update(fileBytesDone done: Int, final: Bool = false) {
        guard enabled else { return }
        let t = Self.now()
        if !final && t - lastDraw < 0.1 { return }
        lastDraw = t
        let bytes = bytesBefore + done
        let elapsed = max(t - started, 1e-9)
        let rate = Double(bytes) / elapsed
        let remaining = rate > 0 ? Double(totalBytes - bytes) / rate : 0
        let fraction = min(1, Double(bytes) / Double(totalBytes))
        let width = 30
        let filled = min(width, max(0, Int(fraction * Double(width))))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let line = "\r[\(bar)] \(Int(fraction * 100))%  \(bytes / 1_000_000) / \(totalBytes / 1_000_000) MB  \(Int(rate / 1e6)) MB/s  ETA \(Int(remaining)) s "
        _ = line.withCString { write(2, $0, strlen($0)) }
    }

    /// Marks the end of a file of `size` bytes.
    public func finishFile(size: Int) {
        bytesBefore += size
    }

    /// Starts counting again from the first file (the scan started over with exact cuts).
    func restart() { bytesBefore = 0 }

    /// Ends the progress line.
    public func finish() {
        guard enabled else { return }
        _ = "\n".withCString { write(2, $0, 1) }
    }
}
