#if canImport(Glibc)
import Glibc
#endif

extension AtomicFileWriter {
    /// Writes several outputs so that they appear together: every output is written to
    /// its temporary file first, then all are renamed into place in one
    /// `InterruptGuard.commit`, so an interrupt leaves all of them new or all as they
    /// were (never, say, a new summary beside an old quarantine file). On a write error
    /// no output is touched and no temporary file stays behind. Paths must differ.
    public static func writeAll(_ outputs: [(path: String, bytes: [UInt8])]) throws(WriteError) {
        var temps: [(temp: String, path: String)] = []
        defer { for t in temps { InterruptGuard.untrack(t.temp) } }
        for output in outputs {
            do {
                temps.append((try writeTemporary(output.bytes, for: output.path), output.path))
            } catch {
                for t in temps { unlink(t.temp) }
                throw error
            }
        }
        let failure: WriteError? = InterruptGuard.commit {
            for (k, t) in temps.enumerated() where rename(t.temp, t.path) != 0 {
                let error = WriteError(path: t.path, reason: String(cString: strerror(errno)))
                for rest in temps[k...] { unlink(rest.temp) }
                return error
            }
            return nil
        }
        if let failure { throw failure }
    }

    /// Writes `path` with a writer that takes a path of its own (such as
    /// `SyntheticLogGenerator.write(to:)`): `body` writes the temporary file, which is then
    /// flushed to the disk and renamed into place. When `body` throws, or the process is
    /// interrupted, the temporary file is removed and `path` is left as it was.
    public static func write<R>(to path: String, with body: (String) throws -> R) throws -> R {
        let temp = temporaryPath(for: path)
        InterruptGuard.track(temp)
        defer { InterruptGuard.untrack(temp) }
        let result: R
        do {
            result = try body(temp)
        } catch {
            unlink(temp)
            throw error
        }
        let fd = open(temp, O_RDONLY)
        let synced = fd >= 0 && fsync(fd) == 0
        if fd >= 0 { close(fd) }
        let failure: String? = synced ? InterruptGuard.commit { rename(temp, path) == 0 ? nil : String(cString: strerror(errno)) }
            : String(cString: strerror(errno))
        if let failure {
            unlink(temp)
            throw WriteError(path: path, reason: failure)
        }
        return result
    }
}
