/// The dates a worker's plain-row path has already parsed, by their ten bytes, so that a
/// timestamp `YYYY-MM-DD HH:MM:SS` whose date was seen before costs an entry lookup, two
/// compares and the time of day instead of the date's digit checks, its digit pairs and the
/// month table (1,108 → 1,080 instructions a row for the whole scan).
///
/// A log holds few distinct dates (366 in a year-long generated log, a handful in a day's
/// dump, and a time-sorted dump repeats each date for thousands of rows), so a small
/// direct-mapped table almost always hits. Only a date that `WordFieldParsers.timestamp`
/// accepts is ever stored, with the month and day number that function computes; a hit
/// compares all ten bytes, so a timestamp's result is the same with or without the memo
/// (`DateMemoTests` checks this on valid, invalid and colliding dates).
///
/// Each worker of a scan keeps one table from chunk to chunk (`ChunkParser.parse(dates:)`):
/// 4,096 entries of 16 bytes (64 KiB, of which a year's dates use 12 KiB), zeroed when made
/// (a zero entry matches no date: its first word has no '-').
struct DateMemo: @unchecked Sendable {
    // @unchecked Sendable: a table is used by one thread at a time (each worker has its own).
    /// Bytes 0–7 of the timestamp ("YYYY-MM-"), and the rest of the date packed: bytes 8–9
    /// ("DD") in bits 0–15, the month as YYYYMM in bits 16–39, and the day number (days since
    /// 1970-01-01) plus 2²³ in bits 40–63. Years 0000–9999 span days −719,528 … 2,932,896,
    /// inside ±2²³, and months up to 999,912, inside 2²⁴.
    struct Entry {
        var head: UInt64
        var date: UInt64
    }

    static let slotBits = 12
    static let dayBias: Int64 = 1 << 23

    let entries: UnsafeMutablePointer<Entry>

    /// Allocates a zeroed table; `deallocate` must be called once.
    static func allocate() -> DateMemo {
        let n = 1 << slotBits
        let entries = UnsafeMutableRawPointer.allocate(byteCount: n * MemoryLayout<Entry>.stride, alignment: 64)
            .bindMemory(to: Entry.self, capacity: n)
        entries.initialize(repeating: Entry(head: 0, date: 0), count: n)
        return DateMemo(entries: entries)
    }

    func deallocate() { UnsafeMutableRawPointer(entries).deallocate() }

    /// `WordFieldParsers.timestamp(p, count: 19, months:)`: the same result, for a timestamp
    /// whose date may be in the memo (and is put there when it is valid and is not).
    /// Requires 19 readable bytes at `p`.
    @inline(__always)
    func timestamp(_ p: UnsafeRawPointer, months: MonthTable) -> ParsedTimestamp? {
        // Safe: the caller guarantees 19 readable bytes from p.
        let w0 = p.loadUnaligned(as: UInt64.self)                      // "YYYY-MM-"
        let w1 = p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)   // "DD HH:MM"
        let w2 = p.loadUnaligned(fromByteOffset: 11, as: UInt64.self)  // "HH:MM:SS"
        let dd = w1 & 0xFFFF
        // Safe: a slot is below 2^slotBits, the number of entries.
        let entry = entries + Self.slot(head: w0, day: dd)
        var date = entry.pointee.date
        if entry.pointee.head != w0 || date & 0xFFFF != dd {
            guard let found = Self.miss(entry, w0, w1, months: months) else { return nil }
            date = found
        }
        guard let time = WordFieldParsers.timeOfDay(w1, w2) else { return nil }
        let days = Int64(bitPattern: date >> 40) &- Self.dayBias
        return ParsedTimestamp(month: Int32(truncatingIfNeeded: (date >> 16) & 0xFF_FFFF), hour: UInt8(truncatingIfNeeded: time.hour),
                               epochSeconds: days &* 86_400 &+ Int64(time.seconds))
    }

    /// The entry of a date, from its bytes 0–7 (`head`, "YYYY-MM-") and 8–9 (`day`, "DD"): the
    /// low bit of the year's last digit, the low bit of the month's first digit, the low four
    /// bits of its second, the low two bits of the day's first digit and the low four of its
    /// second, 12 bits gathered by two multiplies. Every date of two consecutive years has an
    /// entry of its own (a hash of the ten bytes put 366 dates of 2024 in 315 of 2,048
    /// entries, and a sixth of the lookups of a year's dates in random order missed).
    /// Other bytes land anywhere: a hit compares all ten.
    @inline(__always)
    static func slot(head: UInt64, day: UInt64) -> Int {
        // Bits 24 (year), 40 (month tens) and 48–51 (month units), times 2³⁴ + 2¹⁹ + 2¹², land in
        // bits 58, 59 and 60–63; the other products fall on distinct bits below 58 (no carries).
        let month = ((head & 0x000F_0100_0100_0000) &* (1 << 34 | 1 << 19 | 1 << 12)) >> 58
        // Bits 0–1 (day tens) and 8–11 (day units), times 2⁵⁸ + 2⁵², land in bits 58–59 and 60–63.
        let dayBits = ((day & 0x0F03) &* (1 << 58 | 1 << 52)) >> 58
        return Int(truncatingIfNeeded: month << 6 | dayBits)
    }

    /// A date not in its entry: parsed, and put there when valid.
    @inline(never)
    static func miss(_ entry: UnsafeMutablePointer<Entry>, _ w0: UInt64, _ w1: UInt64, months: MonthTable) -> UInt64? {
        guard let parsed = date(w0, w1, months: months) else { return nil }
        entry.pointee = Entry(head: w0, date: parsed)
        return parsed
    }

    /// The date of a timestamp's first ten bytes (`w0` = bytes 0–7, `w1` = bytes 8–15), packed as
    /// an entry's `date`, or nil when `WordFieldParsers.date` rejects it.
    @inline(never)
    static func date(_ w0: UInt64, _ w1: UInt64, months: MonthTable) -> UInt64? {
        guard let d = WordFieldParsers.date(w0, w1, months: months) else { return nil }
        return (w1 & 0xFFFF) | UInt64(UInt32(bitPattern: d.month)) << 16 | UInt64(Int64(d.days) &+ dayBias) << 40
    }
}
