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
        let temp = path + ".tmp-\(getpid())"
        guard let file = fopen(temp, "wb") else {
            throw WriteError(path: path, reason: String(cString: strerror(errno)))
        }
        let wrote = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        let flushed = fflush(file) == 0
        let closed = fclose(file) == 0
        guard wrote == bytes.count, flushed, closed else {
            let reason = String(cString: strerror(errno))
            unlink(temp)
            throw WriteError(path: path, reason: reason)
        }
        guard rename(temp, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temp)
            throw WriteError(path: path, reason: reason)
        }
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
