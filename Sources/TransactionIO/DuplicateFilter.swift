/// Remembers every transaction id seen in a scan, to find re-exported rows
/// (`--dedupe`). Ids of up to 16 bytes are stored exactly (as two words, zero
/// padded); longer ids by a 128-bit hash (a false match has probability ~2⁻¹²⁸).
///
/// Memory: 16 bytes per slot at a load of at most 1/2 — about 32–64 bytes per
/// distinct transaction (1–2 GB for 32 million rows). Used by one thread: a
/// scan with `--dedupe` parses rows in file order, so "the first occurrence is
/// kept, later ones are quarantined as duplicate_tx_id" does not depend on threads.
public final class DuplicateFilter: @unchecked Sendable {
    // @unchecked Sendable: used by exactly one parsing thread (see above).
    private var keys: UnsafeMutablePointer<UInt64>  // pairs of words; (0, 0) = empty
    private var capacity: Int                        // slots
    public private(set) var count = 0

    public init() {
        capacity = 1 << 16
        keys = .allocate(capacity: capacity * 2)
        keys.initialize(repeating: 0, count: capacity * 2)
    }

    deinit { keys.deallocate() }

    static func missingColumn(file: String) -> ScanError {
        ScanError(.missingColumns, file: file, line: 1, message: "--dedupe needs a tx_id column, and the header has none",
                  hint: "map the transaction id column with --column tx_id=SOURCE, or drop --dedupe")
    }

    /// Records `key`; true when it was already there.
    func isDuplicate(_ key: (UInt64, UInt64)) -> Bool {
        if (count + 1) * 2 > capacity { grow() }
        let k = key.0 == 0 && key.1 == 0 ? (UInt64(1), UInt64(0)) : key
        let mask = capacity - 1
        var i = Self.slot(k, mask: mask)
        while true {
            // Safe: i < capacity, so 2i + 1 < 2·capacity.
            let a = keys[2 * i], b = keys[2 * i + 1]
            if a == 0 && b == 0 {
                keys[2 * i] = k.0
                keys[2 * i + 1] = k.1
                count += 1
                return false
            }
            if a == k.0 && b == k.1 { return true }
            i = (i + 1) & mask
        }
    }

    @inline(__always)
    static func slot(_ k: (UInt64, UInt64), mask: Int) -> Int {
        var h = k.0 &* 0x9E37_79B9_7F4A_7C15 ^ k.1 &* 0xC2B2_AE3D_27D4_EB4F
        h ^= h >> 29
        return Int(truncatingIfNeeded: h) & mask
    }

    private func grow() {
        let old = keys, oldCapacity = capacity
        capacity *= 2
        keys = .allocate(capacity: capacity * 2)
        keys.initialize(repeating: 0, count: capacity * 2)
        let mask = capacity - 1
        for j in 0..<oldCapacity where old[2 * j] != 0 || old[2 * j + 1] != 0 {
            var i = Self.slot((old[2 * j], old[2 * j + 1]), mask: mask)
            while keys[2 * i] != 0 || keys[2 * i + 1] != 0 { i = (i + 1) & mask }
            keys[2 * i] = old[2 * j]
            keys[2 * i + 1] = old[2 * j + 1]
        }
        old.deallocate()
    }
}
