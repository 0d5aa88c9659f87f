/// SplitMix64 (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number
/// generators"): a small, fast, deterministic generator for synthetic data and
/// reproducible Monte Carlo draws. Not for cryptography.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// An independent stream for `stream` under `seed`: the seed and the stream index
    /// are mixed through SplitMix64's finalizer, so draw k of a parallel Monte Carlo run
    /// gets the same numbers whichever thread runs it and in whatever order.
    public init(seed: UInt64, stream: UInt64) {
        var mixer = SplitMix64(seed: seed)
        let base = mixer.next()
        var second = SplitMix64(seed: base ^ (stream &* 0xD1B5_4A32_D192_ED03))
        state = second.next()
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1) with 53 random bits.
    public mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// A uniform double in [-1, 1).
    public mutating func nextSymmetric() -> Double { 2 * nextUnit() - 1 }
}
