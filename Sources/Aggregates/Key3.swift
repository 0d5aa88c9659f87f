/// A three-word aggregation key (for example industry, region, month), hashed
/// with a cheap multiply–xorshift mix rather than SipHash: the tables are
/// private to one scan and the keys are not attacker-chosen strings.
struct Key3: Equatable, Sendable {
    var a: UInt64
    var b: UInt64
    var c: UInt64

    @inline(__always)
    var hash: UInt64 {
        var h = a &* 0x9E37_79B9_7F4A_7C15
        h ^= (b &+ 0x632B_E59B_D9B4_E019) &* 0xBF58_476D_1CE4_E5B9
        h ^= (c &+ 0x8CB9_2BA7_2F3D_8DD7) &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 29)
    }
}
