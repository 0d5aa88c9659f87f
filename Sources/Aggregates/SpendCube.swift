/// Spending cells addressed by three dense ids (for example merchant region ×
/// industry × month), stored as a flat array with power-of-two extents: the cell of
/// (x, y, z) is at (x << (yBits + zBits)) | (y << zBits) | z. An extent doubles when
/// an id reaches it (the cells are moved); `add` declines (returns false) once the
/// cube would pass `maxCells`, and the caller keeps those rows in a hash table —
/// both are drained into the same totals, so where a row went never changes a sum.
final class SpendCube: @unchecked Sendable {
    // @unchecked Sendable / @exclusivity(unchecked): one owner (a worker) at a time.
    @exclusivity(unchecked) private var cells: UnsafeMutablePointer<SpendCell>
    @exclusivity(unchecked) private var bits: (x: Int, y: Int, z: Int) = (2, 3, 4)
    /// Derived from `bits` for the hot path: the extents and the shifts of x and y.
    @exclusivity(unchecked) private var xLimit = 1 << 2, yLimit = 1 << 3, zLimit = 1 << 4
    @exclusivity(unchecked) private var xShift = 7, yShift = 4
    let maxCells: Int

    init(maxCells: Int = 1 << 18) {
        self.maxCells = maxCells
        cells = .allocate(capacity: 1 << 9)
        cells.initialize(repeating: SpendCell(), count: 1 << 9)
    }

    deinit { cells.deallocate() }

    private var cellCount: Int { 1 << (bits.x + bits.y + bits.z) }

    /// Adds `amount` (won; negative for a cancellation) to cell (x, y, z), or returns
    /// false when that cell would make the cube larger than `maxCells`.
    @inline(__always)
    func add(_ amount: Int64, x: Int, y: Int, z: Int) -> Bool {
        // Ids are non-negative, so one unsigned compare each checks both bounds.
        if UInt(bitPattern: x) >= UInt(bitPattern: xLimit) || UInt(bitPattern: y) >= UInt(bitPattern: yLimit)
            || UInt(bitPattern: z) >= UInt(bitPattern: zLimit) {
            guard grow(toFit: x, y, z) else { return false }
        }
        // Safe: x, y, z are below their extents, so the index is below cellCount.
        let cell = cells + ((x &<< xShift) | (y &<< yShift) | z)
        cell.pointee.netAmount &+= amount
        cell.pointee.count &+= 1
        if amount < 0 { cell.pointee.cancellations &+= 1 }
        return true
    }

    @inline(never)
    private func grow(toFit x: Int, _ y: Int, _ z: Int) -> Bool {
        var next = bits
        while x >> next.x != 0 { next.x += 1 }
        while y >> next.y != 0 { next.y += 1 }
        while z >> next.z != 0 { next.z += 1 }
        guard next.x + next.y + next.z <= Int.bitWidth - 2, 1 << (next.x + next.y + next.z) <= maxCells else { return false }
        let count = 1 << (next.x + next.y + next.z)
        let bigger = UnsafeMutablePointer<SpendCell>.allocate(capacity: count)
        bigger.initialize(repeating: SpendCell(), count: count)
        for i in 0..<cellCount where cells[i].count != 0 {
            let (cx, cy, cz) = (i >> (bits.y + bits.z), (i >> bits.z) & ((1 << bits.y) - 1), i & ((1 << bits.z) - 1))
            bigger[(cx << (next.y + next.z)) | (cy << next.z) | cz] = cells[i]
        }
        cells.deallocate()
        cells = bigger
        bits = next
        (xLimit, yLimit, zLimit) = (1 << next.x, 1 << next.y, 1 << next.z)
        (xShift, yShift) = (next.y + next.z, next.z)
        return true
    }

    /// Every cell that received a row, with its ids.
    func forEach(_ body: (_ x: Int, _ y: Int, _ z: Int, SpendCell) -> Void) {
        for i in 0..<cellCount where cells[i].count != 0 {
            body(i >> (bits.y + bits.z), (i >> bits.z) & ((1 << bits.y) - 1), i & ((1 << bits.z) - 1), cells[i])
        }
    }
}
