/// The exchange form of a consumer record (`logicalWords` 64-bit words; the state-file
/// format, unchanged since version 1): 0 key, 1 net won, 2 net won outside home, 3 first
/// time, 4 last time, 5 home region, 6 transactions, 7–8 divisions seen (bits 0–99),
/// 9–14 transactions per hour (24 × UInt16, saturating at 65,535), 15–26 net won per
/// `SpendingGroup` (12 × Int64). Merges, state files and features go through it.
extension ConsumerStorage {
    static let logicalWords = 27

    /// Writes record `index` in the exchange form to `w` (`logicalWords` words).
    func logical(_ index: Int, into w: UnsafeMutablePointer<UInt64>) {
        let r = record(index)
        let raw = UnsafeMutableRawPointer(r)
        w[0] = r[0]
        w[2] = r[1]
        w[3] = r[2]
        w[4] = r[3]
        w[5] = UInt64(bitPattern: homeRegion(r))
        w[6] = UInt64(UInt32(truncatingIfNeeded: r[4])) &+ UInt64(bitPattern: spilled(index, Self.countCode, record: r))
        w[7] = r[5]
        w[8] = r[6]
        // Safe: bytes 56–79 hold the hour counts, 80–127 the group sums; w has 27 words.
        let hours = UnsafeMutableRawPointer(w + 9)
        for h in 0..<24 {
            let total = Int64(raw.load(fromByteOffset: 56 + h, as: UInt8.self)) &+ spilled(index, Self.hourCode(h), record: r)
            hours.storeBytes(of: UInt16(clamping: total), toByteOffset: 2 * h, as: UInt16.self)
        }
        var net: Int64 = 0
        for g in 0..<12 {
            let total = Int64(raw.load(fromByteOffset: 80 + 4 * g, as: Int32.self)) &+ spilled(index, g, record: r)
            w[15 + g] = UInt64(bitPattern: total)
            net &+= total
        }
        w[1] = UInt64(bitPattern: net)
    }

    /// Calls `body` with each record in the exchange form (insertion order).
    func forEachLogical(_ body: (UnsafePointer<UInt64>) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: Self.logicalWords) { w in
            // Safe: the buffer holds logicalWords words.
            for i in 0..<count {
                logical(i, into: w.baseAddress!)
                body(UnsafePointer(w.baseAddress!))
            }
        }
    }

    /// The features of record `index`.
    func features(_ index: Int) -> ConsumerFeatures {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: Self.logicalWords) { w in
            // Safe: the buffer holds logicalWords words.
            logical(index, into: w.baseAddress!)
            return Self.features(of: UnsafePointer(w.baseAddress!))
        }
    }

    static func features(of w: UnsafePointer<UInt64>) -> ConsumerFeatures {
        let hours = UnsafeRawPointer(w + 9)
        return ConsumerFeatures(
            key: w[0], transactions: Int64(bitPattern: w[6]), netAmount: Int64(bitPattern: w[1]),
            outsideNetAmount: Int64(bitPattern: w[2]), firstTime: Int64(bitPattern: w[3]),
            lastTime: Int64(bitPattern: w[4]), homeRegion: Int64(bitPattern: w[5]),
            distinctDivisions: w[7].nonzeroBitCount + w[8].nonzeroBitCount,
            hourProfile: (0..<24).map { Int(hours.load(fromByteOffset: 2 * $0, as: UInt16.self)) },
            spendByGroup: (15..<27).map { Int64(bitPattern: w[$0]) })
    }

    /// Merges the records of `other` (exact: sums, min/max, unions, saturating hour counts).
    func absorb(_ other: ConsumerStorage) {
        other.forEachLogical { absorb(logical: $0) }
    }

    /// Merges one record in the exchange form into the record with the same key.
    func absorb(logical o: UnsafePointer<UInt64>) {
        let index = findOrInsert(o[0])
        let r = record(index)
        let raw = UnsafeMutableRawPointer(r)
        r[1] = UInt64(bitPattern: Int64(bitPattern: r[1]) &+ Int64(bitPattern: o[2]))
        let (time, home) = (Int64(bitPattern: o[3]), Int64(bitPattern: o[5]))
        let first = Int64(bitPattern: r[2])
        if time < first || (time == first && home < homeRegion(r)) {
            r[2] = o[3]
            setHome(home, record: r)
        }
        if Int64(bitPattern: o[4]) > Int64(bitPattern: r[3]) { r[3] = o[4] }
        r[5] |= o[7]
        r[6] |= o[8]
        // Counters: the exact sum, stored in the field when it fits and in the side table when not.
        let transactions = UInt64(UInt32(truncatingIfNeeded: r[4]))
            &+ UInt64(bitPattern: spilled(index, Self.countCode, record: r)) &+ o[6]
        r[4] &= ~UInt64(UInt32.max)
        if transactions <= UInt64(UInt32.max) - 1 {
            r[4] |= transactions
            clearSpill(index, Self.countCode, record: r)
        } else {
            setSpill(index, Self.countCode, Int64(bitPattern: transactions), record: r)
        }
        // Safe: bytes 56–79 hold the hour counts, 80–127 the group sums; o has 27 words.
        let theirHours = UnsafeRawPointer(o + 9)
        for h in 0..<24 {
            let total = Int64(raw.load(fromByteOffset: 56 + h, as: UInt8.self)) &+ spilled(index, Self.hourCode(h), record: r)
                &+ Int64(theirHours.load(fromByteOffset: 2 * h, as: UInt16.self))
            if total < Int64(UInt8.max) {
                raw.storeBytes(of: UInt8(total), toByteOffset: 56 + h, as: UInt8.self)
                clearSpill(index, Self.hourCode(h), record: r)
            } else {
                raw.storeBytes(of: 0, toByteOffset: 56 + h, as: UInt8.self)
                setSpill(index, Self.hourCode(h), total, record: r)
            }
        }
        for g in 0..<12 {
            let total = Int64(raw.load(fromByteOffset: 80 + 4 * g, as: Int32.self)) &+ spilled(index, g, record: r)
                &+ Int64(bitPattern: o[15 + g])
            if let narrow = Int32(exactly: total) {
                raw.storeBytes(of: narrow, toByteOffset: 80 + 4 * g, as: Int32.self)
                clearSpill(index, g, record: r)
            } else {
                raw.storeBytes(of: 0, toByteOffset: 80 + 4 * g, as: Int32.self)
                setSpill(index, g, total, record: r)
            }
        }
    }

    /// Inserts a whole record in the exchange form, as read from a state file (the key must
    /// be new). Net won is not stored: it is the sum of the group sums, as in every record a
    /// scan writes.
    func insertRaw(_ words: UnsafePointer<UInt64>) -> Bool {
        if find(words[0]) != nil { return false }
        absorb(logical: words)
        return true
    }

    private func setSpill(_ index: Int, _ code: Int, _ value: Int64, record r: UnsafeMutablePointer<UInt64>) {
        spills[Self.spillKey(index, code)] = value
        r[4] |= Self.spillFlag
    }

    private func clearSpill(_ index: Int, _ code: Int, record r: UnsafeMutablePointer<UInt64>) {
        if r[4] & Self.spillFlag != 0 { spills[Self.spillKey(index, code)] = nil }
    }
}
