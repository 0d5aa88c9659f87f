#if canImport(Glibc)
import Glibc
#endif

/// Large, randomly accessed tables live in 2 MiB-aligned anonymous mappings, marked
/// for transparent huge pages where asked (merchants and the consumer index: fewer TLB
/// misses). Consumer record pages are not marked: on the development VM the kernel's
/// zeroing of fresh 2 MiB pages cost more system time than the TLB saved (see
/// docs/SCAN-PERFORMANCE.md). Anonymous mappings arrive zeroed, so nothing is written
/// twice. Small sizes use aligned_alloc.
enum HugePageMemory {
    static let hugePage = 2 << 20

    static func rounded(_ bytes: Int) -> Int { (max(bytes, 64) + hugePage - 1) / hugePage * hugePage }

    /// `bytes` of zeroed memory (64-byte aligned at least). Free with `free(_:bytes:)` and the same size.
    static func allocateZeroed(_ bytes: Int, hugePages: Bool = true) -> UnsafeMutableRawPointer {
        if bytes >= hugePage {
            let size = rounded(bytes)
            // Over-map by one huge page so the start can be aligned to 2 MiB.
            let raw = mmap(nil, size + hugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
            guard let raw, raw != MAP_FAILED else { fatalError("out of memory mapping \(size) bytes") }
            let address = UInt(bitPattern: raw)
            let aligned = (address + UInt(hugePage) - 1) / UInt(hugePage) * UInt(hugePage)
            let head = Int(aligned - address)
            if head > 0 { munmap(raw, head) }
            let tail = hugePage - head
            let start = UnsafeMutableRawPointer(bitPattern: aligned)!
            if tail > 0 { munmap(start + size, tail) }
            if hugePages { _ = madvise(start, size, MADV_HUGEPAGE) }
            return start
        }
        // calloc only promises 16-byte alignment; tables rely on 64 (one entry per cache line).
        let size = (max(bytes, 64) + 63) / 64 * 64
        guard let p = aligned_alloc(64, size) else { fatalError("out of memory allocating \(bytes) bytes") }
        memset(p, 0, size)
        return p
    }

    static func free(_ p: UnsafeMutableRawPointer, bytes: Int) {
        if bytes >= hugePage { munmap(p, rounded(bytes)) } else { Glibc.free(p) }
    }
}
