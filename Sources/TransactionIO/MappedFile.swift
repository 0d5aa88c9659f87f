#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only memory mapping of a whole file. Bytes are reached only inside
/// `withBytes`; the mapping is released when the object goes away.
public final class MappedFile: @unchecked Sendable {
    // @unchecked Sendable: the mapping is read-only; `released` changes only in release(upTo:),
    // which a scan calls from one thread at a time (a task of one round, between barriers).
    public let path: String
    public let count: Int
    private let base: UnsafeMutableRawPointer?

    public init(path: String) throws(ScanError) {
        self.path = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw ScanError(.unreadableFile, file: path, message: "cannot open (\(String(cString: strerror(errno))))",
                            hint: "check the path and its permissions")
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            throw ScanError(.unreadableFile, file: path, message: "cannot stat (\(String(cString: strerror(errno))))",
                            hint: "check the file")
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            throw ScanError(.unreadableFile, file: path, message: "is a directory", hint: "name a CSV file")
        }
        count = Int(st.st_size)
        if count == 0 {
            base = nil
            return
        }
        let p = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0)
        guard let p, p != MAP_FAILED else {
            throw ScanError(.unreadableFile, file: path, message: "cannot map (\(String(cString: strerror(errno))))",
                            hint: "check that the file is a regular file")
        }
        _ = madvise(p, count, MADV_SEQUENTIAL)
        base = p
    }

    /// Calls `body` with the file's bytes.
    public func withBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// Drops the pages before `offset` from this process's mapping (they stay in the
    /// page cache), so a long scan's resident memory does not grow with the file.
    public func release(upTo offset: Int) {
        guard let base else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let end = min(offset, count) / page * page
        if end < released { released = 0 }  // a new scan of the file (LogScan's exact re-run)
        if end > released {
            _ = madvise(base + released, end - released, MADV_DONTNEED)
            released = end
        }
    }

    private var released = 0

    /// Drops the whole pages of `[from, to)` from the mapping, without the bookkeeping of
    /// `release` (any thread may call it; a page read again later is mapped again).
    public func dropPages(from: Int, to: Int) {
        guard let base else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (max(0, from) + page - 1) / page * page, end = min(to, count) / page * page
        if end > start { _ = madvise(base + start, end - start, MADV_DONTNEED) }
    }

    /// Bytes from the start dropped from the mapping so far (`release`).
    var releasedBytes: Int { released }

    deinit {
        if let base { munmap(base, count) }
    }
}
