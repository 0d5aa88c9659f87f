#if canImport(Glibc)
import Glibc
#endif

/// One scratch file per process (under /tmp), rewritten for each input, for the
/// APIs that read a path (`SchemaMapping.load(path:)`). Removed at exit by `run.sh`'s
/// clean-up; its name carries the process id, so parallel fuzzers do not collide.
public final class ScratchFile: @unchecked Sendable {
    // @unchecked Sendable: a fuzz target runs one input at a time on one thread.
    public let path: String

    public init(name: String) {
        path = "/tmp/lcimpact-fuzz-\(getpid())-\(name)"
    }

    /// Replaces the file's content with `bytes`.
    public func write(_ bytes: [UInt8]) {
        guard let file = fopen(path, "wb") else { FuzzCheck.fail("cannot create scratch file \(path)") }
        let wrote = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        fclose(file)
        FuzzCheck.require(wrote == bytes.count, "short write to scratch file \(path)")
    }
}
