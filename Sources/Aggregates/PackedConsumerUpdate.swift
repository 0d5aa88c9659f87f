/// A `ConsumerUpdate` in 24 bytes instead of 40, the form in which updates wait in the
/// outboxes of a parallel scan (they are written once, wait, and are read once, so their
/// size is memory traffic). Values outside the packed ranges do not pack (`init?`) and wait
/// in their full form instead, so nothing is rounded.
///
/// | word | bits | content |
/// |---|---|---|
/// | `key` | 0–63 | consumer id hash |
/// | `low` | 0–33 | time − `timeBase` (seconds; 1900-01-01 to 2444) |
/// | `low` | 34–38, 39–45, 46–49, 50 | hour, division (0–100), spending group, outside home |
/// | `low` | 51–63 | home region, bits 0–12 |
/// | `high` | 0–25 | home region, bits 13–38 (home 0 ≤ h < 2³⁹) |
/// | `high` | 26–63 | net won, signed (−2³⁷ ≤ a < 2³⁷, about ±137 billion won) |
struct PackedConsumerUpdate: ConsumerUpdateForm {
    var key: UInt64
    var low: UInt64
    var high: UInt64

    /// 1900-01-01 00:00:00 in seconds since 1970.
    static let timeBase: Int64 = -2_208_988_800
    static let timeBits: UInt64 = 34
    static let homeBits: UInt64 = 39
    static let amountBits: UInt64 = 38

    @inline(__always)
    init?(_ u: ConsumerUpdate) {
        let t = UInt64(bitPattern: u.time &- Self.timeBase)
        let home = UInt64(bitPattern: u.home)
        // One test per field: an out-of-range value has bits above its width (or is negative,
        // which sets them all). The amount is in range when shifting it up and back keeps it.
        let amountShift = 64 &- Self.amountBits
        guard t >> Self.timeBits == 0, home >> Self.homeBits == 0, u.hour < 32, u.division < 128, u.group < 16,
              (u.amount << amountShift) >> amountShift == u.amount else { return nil }
        key = u.key
        low = t | UInt64(u.hour & 31) << 34 | UInt64(u.division & 127) << 39 | UInt64(u.group & 15) << 46
            | (u.outside ? 1 << 50 : 0) | home << 51
        high = home >> 13 | UInt64(bitPattern: u.amount) << 26
    }

    /// The update as it was packed.
    @inline(__always)
    var unpacked: ConsumerUpdate {
        ConsumerUpdate(
            key: key, amount: Int64(bitPattern: high) >> 26,
            time: Int64(bitPattern: low & ((1 << Self.timeBits) - 1)) &+ Self.timeBase,
            home: Int64(bitPattern: low >> 51 | (high & ((1 << 26) - 1)) << 13),
            hour: UInt8(truncatingIfNeeded: (low >> 34) & 31), group: UInt8(truncatingIfNeeded: (low >> 46) & 15),
            division: UInt8(truncatingIfNeeded: (low >> 39) & 127), outside: (low >> 50) & 1 != 0)
    }
}
