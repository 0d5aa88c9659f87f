import CScanSupport

/// Raw storage of `ConsumerTable`: an open-addressing index (64-bit slots holding a
/// record number and a 32-bit key fingerprint) over paged, 128-byte records (two cache
/// lines, line-aligned), so that a consumer update touches two lines of DRAM instead of
/// four. Counters that would not fit their field move, exactly, to a side table
/// (`spills`), which stays empty in practice.
///
/// Record layout (16 words, 128 bytes):
///
/// | word | content |
/// |---|---|
/// | 0 | key (id hash) |
/// | 1 | net won outside the row's consumer_region (Int64) |
/// | 2, 3 | first and last time (seconds since 1970, Int64) |
/// | 4 | transactions (UInt32, bits 0–31), home-region index (bits 32–62, all ones: none), spill flag (bit 63) |
/// | 5, 6 | KSIC divisions seen (bits 0–99) |
/// | 7–9 | transactions per hour of day (24 × UInt8) |
/// | 10–15 | net won per `SpendingGroup` (12 × Int32) |
///
/// Net won is the sum of the group sums (every row adds its amount to exactly one
/// group). The exchange format (`logicalWords`, state files) is the wider record that
/// `ConsumerStorage+Records` reads and writes; it did not change with this layout.
final class ConsumerStorage: @unchecked Sendable {
    // @unchecked Sendable: mutated only by its single owner (ConsumerTable is copy-on-write;
    // a parallel scan gives each partition its own table).
    static let words = 16
    static let pageShift = 15  // 32,768 records × 128 bytes = 4 MiB a page
    static let pageRecords = 1 << pageShift
    /// The home-region index that means "none yet".
    static let noHome: UInt64 = 0x7FFF_FFFF
    static let spillFlag: UInt64 = 1 << 63

    // @exclusivity(unchecked): touched on every update; one owner at a time (see above).
    @exclusivity(unchecked) private(set) var count = 0
    @exclusivity(unchecked) private var slots: UnsafeMutablePointer<UInt64>
    @exclusivity(unchecked) private var slotCapacity: Int
    /// The record pages (`pageCount` of `pageCapacity` entries): a raw table, so finding a
    /// record is a load and an add, without an array's bounds check.
    @exclusivity(unchecked) private var pageTable: UnsafeMutablePointer<UnsafeMutablePointer<UInt64>>
    @exclusivity(unchecked) private var pageCount = 0
    @exclusivity(unchecked) private var pageCapacity = 4
    private var pages: UnsafeBufferPointer<UnsafeMutablePointer<UInt64>> { UnsafeBufferPointer(start: pageTable, count: pageCount) }
    /// Home regions by index (few distinct values).
    @exclusivity(unchecked) private(set) var homes = IDMap()
    /// Exact overflow of the narrow counters, by `spillKey(index, code)`: codes 0–11 a group sum,
    /// 16–39 an hour count, 48 the transaction count. A counter's value is its field plus this.
    @exclusivity(unchecked) var spills: [UInt64: Int64] = [:]

    static let countCode = 48
    static func hourCode(_ h: Int) -> Int { 16 + h }

    init(slotCapacity: Int = 1 << 12) {
        self.slotCapacity = slotCapacity
        slots = Self.allocateWords(slotCapacity)
        pageTable = .allocate(capacity: pageCapacity)
    }

    /// Adds a page of records.
    private func appendPage(_ page: UnsafeMutablePointer<UInt64>) {
        if pageCount == pageCapacity {
            let bigger = UnsafeMutablePointer<UnsafeMutablePointer<UInt64>>.allocate(capacity: pageCapacity * 2)
            bigger.moveInitialize(from: pageTable, count: pageCount)
            pageTable.deallocate()
            pageTable = bigger
            pageCapacity *= 2
        }
        (pageTable + pageCount).initialize(to: page)
        pageCount += 1
    }

    deinit {
        HugePageMemory.free(UnsafeMutableRawPointer(slots), bytes: slotCapacity * 8)
        for page in pages { HugePageMemory.free(UnsafeMutableRawPointer(page), bytes: Self.pageRecords * Self.words * 8) }
        pageTable.deallocate()
    }

    /// Zeroed words (huge-page backed where asked; 2 MiB-aligned from 2 MiB up, so pages of
    /// records are line-aligned).
    static func allocateWords(_ n: Int, hugePages: Bool = true) -> UnsafeMutablePointer<UInt64> {
        HugePageMemory.allocateZeroed(n * 8, hugePages: hugePages).bindMemory(to: UInt64.self, capacity: n)
    }

    func copy() -> ConsumerStorage {
        let c = ConsumerStorage(slotCapacity: slotCapacity)
        c.slots.update(from: slots, count: slotCapacity)  // c.slots has the same capacity
        c.count = count
        for page in pages {
            // Record pages stay on small pages: zeroing fresh 2 MiB pages was slow on the VM.
            let p = Self.allocateWords(Self.pageRecords * Self.words, hugePages: false)
            p.update(from: page, count: Self.pageRecords * Self.words)
            c.appendPage(p)
        }
        c.homes = homes.copy()
        c.spills = spills
        return c
    }

    @inline(__always)
    func record(_ index: Int) -> UnsafeMutablePointer<UInt64> {
        // Safe: index < count ≤ pageCount · pageRecords.
        pageTable[index >> Self.pageShift] + (index & (Self.pageRecords - 1)) * Self.words
    }

    @inline(__always)
    static func mix(_ key: UInt64) -> UInt64 {
        var h = key &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 31
        return h
    }

    /// The slot index where `key` lives or would be inserted.
    @inline(__always)
    private func probe(_ key: UInt64) -> (slot: Int, found: Bool) {
        let h = Self.mix(key)
        let fingerprint = (h >> 32) | 1
        let mask = slotCapacity - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = slots[i]
            if s == 0 { return (i, false) }
            if (s >> 32) == fingerprint && record(Int(s & 0xFFFF_FFFF))[0] == key { return (i, true) }
            i = (i + 1) & mask
        }
    }

    func find(_ key: UInt64) -> Int? {
        let (slot, found) = probe(key)
        return found ? Int(slots[slot] & 0xFFFF_FFFF) : nil
    }

    /// The record index for `key`, inserting an empty record if absent.
    @inline(__always)
    func findOrInsert(_ key: UInt64) -> Int {
        if (count + 1) * 2 > slotCapacity { growSlots() }
        let (slot, found) = probe(key)
        if found { return Int(slots[slot] & 0xFFFF_FFFF) }
        precondition(count < 1 << 32, "more than 2³² consumers in one table")
        let index = count
        if index >> Self.pageShift >= pageCount {
            appendPage(Self.allocateWords(Self.pageRecords * Self.words, hugePages: false))
        }
        let r = record(index)
        r.initialize(repeating: 0, count: Self.words)
        r[0] = key
        r[2] = UInt64(bitPattern: Int64.max)
        r[3] = UInt64(bitPattern: Int64.min)
        r[4] = Self.noHome << 32
        count += 1
        slots[slot] = ((Self.mix(key) >> 32) | 1) << 32 | UInt64(index)
        return index
    }

    private func growSlots() {
        let old = slots, oldCapacity = slotCapacity
        slotCapacity *= 2
        slots = Self.allocateWords(slotCapacity)
        let mask = slotCapacity - 1
        for j in 0..<oldCapacity where old[j] != 0 {
            let key = record(Int(old[j] & 0xFFFF_FFFF))[0]
            var i = Int(truncatingIfNeeded: Self.mix(key)) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = old[j]
        }
        HugePageMemory.free(UnsafeMutableRawPointer(old), bytes: oldCapacity * 8)
    }

    /// Updates ahead of the one being applied whose record is prefetched.
    static let recordLead = 16
    /// Updates ahead of the one being applied whose index slot is prefetched (the record's
    /// prefetch, `recordLead` later, needs the slot). A flush streams its partition's records
    /// (about 800 KB on the 32 M-row log) through the 512 KB L2, which evicts the slots
    /// (128 KB) between their uses: without this stage the slot load was half of the apply's
    /// samples, with it the apply went from 17 to 11 % of the scan's samples.
    static let slotLead = 32

    func apply<Update: ConsumerUpdateForm>(_ updates: UnsafeBufferPointer<Update>) {
        let n = updates.count
        // The record each prefetch found (by fingerprint, −1 when none), by update index mod 32:
        // the apply reuses it after checking the key instead of probing again.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 32) { ring in
            ring.initialize(repeating: -1)
            let slotMask = slotCapacity &- 1
            for k in 0..<n {
                if k &+ Self.slotLead < n {
                    // Safe: a prefetch never faults, and the index is masked to [0, slotCapacity) (a
                    // growth during the loop only makes slotCapacity larger).
                    lci_prefetch_read(slots + (Int(truncatingIfNeeded: Self.mix(updates[k &+ Self.slotLead].key)) & slotMask))
                }
                if k + Self.recordLead < n {
                    // Safe: the ring has 32 entries and the index is taken mod 32; the lead (16) is
                    // below 32, so an entry is read before it is overwritten.
                    ring[(k + Self.recordLead) & 31] = prefetchRecord(updates[k + Self.recordLead].key)
                }
                let u = updates[k].unpacked
                var index = ring[k & 31]
                // The prefetch matched a fingerprint only; the key decides (else a full probe).
                if index < 0 || record(index)[0] != u.key { index = findOrInsert(u.key) }
                add(u, to: record(index), index: index)
            }
        }
    }

    /// Prefetches the record of `key` if its slot is found within a few probes (no key
    /// compare), and returns that record's index (−1 when none was found).
    @inline(__always)
    private func prefetchRecord(_ key: UInt64) -> Int {
        let h = Self.mix(key)
        let fingerprint = (h >> 32) | 1
        let mask = slotCapacity - 1
        var i = Int(truncatingIfNeeded: h) & mask
        for _ in 0..<4 {
            let s = slots[i]
            if s == 0 { return -1 }
            if (s >> 32) == fingerprint {
                let index = Int(s & 0xFFFF_FFFF)
                let r = record(index)
                // A record is two cache lines, line-aligned.
                lci_prefetch_write(r)
                lci_prefetch_write(r + 8)
                return index
            }
            i = (i + 1) & mask
        }
        return -1
    }

    /// Adds one row to record `r` (number `index`).
    @inline(__always)
    func add(_ u: ConsumerUpdate, to r: UnsafeMutablePointer<UInt64>, index: Int) {
        // Outside spending and the last time without branches: whether a row is spent outside
        // home, or is the latest so far, follows the data, and as branches they were mispredicted
        // about 0.4 times an update (cachegrind's branch model).
        r[1] = UInt64(bitPattern: Int64(bitPattern: r[1]) &+ (u.amount & -Int64(u.outside ? 1 : 0)))
        if u.time <= Int64(bitPattern: r[2]) { updateFirst(time: u.time, home: u.home, record: r) }
        r[3] = UInt64(bitPattern: max(Int64(bitPattern: r[3]), u.time))
        // Transactions: a full 32-bit count moves to the side table.
        if UInt32(truncatingIfNeeded: r[4]) == UInt32.max {
            spill(index, Self.countCode, Int64(UInt32.max), record: r)
            r[4] &= ~UInt64(UInt32.max)
        }
        r[4] &+= 1
        if u.division < 100 { r[5 + Int(u.division >> 6)] |= 1 << UInt64(u.division & 63) }
        // Safe (raw accesses below): bytes 56–79 are the 24 hour counts and 80–127 the 12 group
        // sums of this 128-byte record; hour < 24 and group < 12 (ChunkAccumulator).
        let raw = UnsafeMutableRawPointer(r)
        let hourOffset = 56 &+ Int(u.hour)
        let hours = raw.load(fromByteOffset: hourOffset, as: UInt8.self)
        if hours == UInt8.max {
            spill(index, Self.hourCode(Int(u.hour)), Int64(UInt8.max), record: r)
            raw.storeBytes(of: 1, toByteOffset: hourOffset, as: UInt8.self)
        } else {
            raw.storeBytes(of: hours &+ 1, toByteOffset: hourOffset, as: UInt8.self)
        }
        let groupOffset = 80 &+ 4 &* Int(u.group)
        let sum = raw.load(fromByteOffset: groupOffset, as: Int32.self)
        let narrow = Int32(truncatingIfNeeded: u.amount)
        let (next, overflow) = sum.addingReportingOverflow(narrow)
        if overflow || Int64(narrow) != u.amount {
            spill(index, Int(u.group), Int64(sum) &+ u.amount, record: r)
            raw.storeBytes(of: 0, toByteOffset: groupOffset, as: Int32.self)
        } else {
            raw.storeBytes(of: next, toByteOffset: groupOffset, as: Int32.self)
        }
    }

    /// The first time and the home region (the consumer_region of the earliest row; ties:
    /// the smaller code), when a row is not later than the first so far.
    @inline(never)
    func updateFirst(time: Int64, home: Int64, record r: UnsafeMutablePointer<UInt64>) {
        let first = Int64(bitPattern: r[2])
        if time < first || (time == first && home < homeRegion(r)) {
            r[2] = UInt64(bitPattern: time)
            setHome(home, record: r)
        }
    }

    /// The home region of record `r` (Int64.max before its first row).
    @inline(__always)
    func homeRegion(_ r: UnsafeMutablePointer<UInt64>) -> Int64 {
        let i = (r[4] >> 32) & Self.noHome
        return i == Self.noHome ? Int64.max : Int64(bitPattern: homes.values[Int(i)])
    }

    func setHome(_ home: Int64, record r: UnsafeMutablePointer<UInt64>) {
        let i = UInt64(homes.id(UInt64(bitPattern: home)))
        precondition(i < Self.noHome, "too many distinct home regions")
        r[4] = (r[4] & (Self.spillFlag | UInt64(UInt32.max))) | i << 32
    }

    @inline(__always)
    static func spillKey(_ index: Int, _ code: Int) -> UInt64 { UInt64(index) << 6 | UInt64(code) }

    /// Adds `value` to counter `code` of record `index` in the side table (rare: a counter full).
    @inline(never)
    func spill(_ index: Int, _ code: Int, _ value: Int64, record r: UnsafeMutablePointer<UInt64>) {
        spills[Self.spillKey(index, code), default: 0] &+= value
        r[4] |= Self.spillFlag
    }

    /// The part of counter `code` of record `index` in the side table (0 without a spill).
    @inline(__always)
    func spilled(_ index: Int, _ code: Int, record r: UnsafeMutablePointer<UInt64>) -> Int64 {
        r[4] & Self.spillFlag == 0 ? 0 : spills[Self.spillKey(index, code)] ?? 0
    }
}
