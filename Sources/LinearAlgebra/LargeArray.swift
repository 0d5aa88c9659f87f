#if canImport(Glibc)
import Glibc
#endif

/// Allocation of large numeric arrays backed by transparent huge pages.
///
/// A fresh 768 MB array (a 9,800 × 9,800 matrix of doubles) is faulted in 4 KiB page by
/// page on first touch; on a virtual machine each fault is costly, and the kernel's page
/// clearing showed up as a quarter of the run time of `lcimpact multipliers` at n = 9,800.
/// Advising the kernel (`madvise(MADV_HUGEPAGE)`, honoured when
/// /sys/kernel/mm/transparent_hugepage/enabled is `madvise` or `always`) before the first
/// touch lets it map 2 MiB pages instead: 512 times fewer faults. numpy does the same for
/// its large arrays (`numpy.core.multiarray._set_madvise_hugepage`, on by default on Linux).
/// Below `threshold` bytes, or where madvise is unavailable, this is a plain allocation.
public enum LargeArray {
    /// Arrays at least this large (bytes) are advised to use huge pages.
    public static let threshold = 4 << 20

    /// An array of `count` elements, each initialized by `initializer(index range)` writing
    /// into the buffer (the buffer is uninitialized memory: write every element).
    public static func make<T>(count: Int, _ initializer: (UnsafeMutableBufferPointer<T>) throws -> Void) rethrows -> [T] {
        try Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            adviseHugePages(UnsafeMutableRawBufferPointer(buffer))
            try initializer(buffer)
            initialized = count
        }
    }

    /// An array of `count` copies of `value`.
    public static func filled<T>(_ value: T, count: Int) -> [T] {
        make(count: count) { buffer in buffer.initialize(repeating: value) }
    }

    /// A copy of `source` (for example the matrix LAPACK will overwrite).
    public static func copy<T>(_ source: [T]) -> [T] {
        source.withUnsafeBufferPointer { src in
            make(count: src.count) { dst in
                guard let from = src.baseAddress, let to = dst.baseAddress else { return }
                to.initialize(from: from, count: src.count)
            }
        }
    }

    /// Advises huge pages for the whole 2 MiB-aligned part of `buffer`.
    static func adviseHugePages(_ buffer: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
        guard buffer.count >= threshold, let base = buffer.baseAddress else { return }
        let hugePage = 2 << 20
        let start = (Int(bitPattern: base) + hugePage - 1) & ~(hugePage - 1)
        let end = (Int(bitPattern: base) + buffer.count) & ~(hugePage - 1)
        guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(pointer, end - start, MADV_HUGEPAGE)  // advice only: failure changes nothing
        #endif
    }
}
