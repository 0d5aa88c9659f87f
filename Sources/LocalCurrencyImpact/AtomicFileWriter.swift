#if canImport(Glibc)
import Glibc
#endif

/// Writes files via a temporary file in the same directory and `rename(2)`, so a
/// reader never sees a half-written output and an interrupted run leaves the
/// previous file (or none) in place.
public enum AtomicFileWriter {
    public struct WriteError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): error: cannot write (\(reason)). Check that the directory exists and is writable." }
    }

    /// Writes `text` to `path` atomically.
    public static func write(_ text: String, to path: String) throws(WriteError) {
        var bytes = Array(text.utf8)
        try write(bytes: &bytes, to: path)
    }

    /// Writes bytes to `path` atomically.
    public static func write(bytes: inout [UInt8], to path: String) throws(WriteError) {
        let temp = try writeTemporary(bytes, for: path)
        defer { InterruptGuard.untrack(temp) }
        let renamed = InterruptGuard.commit { rename(temp, path) == 0 ? nil : String(cString: strerror(errno)) }
        if let reason = renamed {
            unlink(temp)
            throw WriteError(path: path, reason: reason)
        }
    }

    /// The temporary file beside `path` that an output is written to before it is renamed.
    static func temporaryPath(for path: String) -> String { path + ".tmp-\(getpid())" }

    /// Writes `bytes` to a new temporary file beside `path`, flushed to the disk
    /// (`fsync`, so a crash after the rename cannot leave an empty file), and tracked by
    /// `InterruptGuard` until the caller untracks it. Returns its path; on failure the
    /// temporary file is gone and the error names `path`.
    static func writeTemporary(_ bytes: [UInt8], for path: String) throws(WriteError) -> String {
        let temp = temporaryPath(for: path)
        InterruptGuard.track(temp)
        guard let file = fopen(temp, "wb") else {
            let reason = String(cString: strerror(errno))
            InterruptGuard.untrack(temp)
            throw WriteError(path: path, reason: reason)
        }
        let wrote = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        let flushed = fflush(file) == 0 && fsync(fileno(file)) == 0
        let reason = String(cString: strerror(errno))
        let closed = fclose(file) == 0
        guard wrote == bytes.count, flushed, closed else {
            unlink(temp)
            InterruptGuard.untrack(temp)
            throw WriteError(path: path, reason: reason)
        }
        return temp
    }

    /// Creates `path` and its parents (like `mkdir -p`).
    public static func makeDirectory(_ path: String) throws(WriteError) {
        var current = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            current += (current.isEmpty || current.hasSuffix("/") ? "" : "/") + part
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw WriteError(path: current, reason: String(cString: strerror(errno)))
            }
        }
    }
}
