import ReproSupport

extension SplitMix64 {
    /// A uniform double in [low, high) from the top 53 bits.
    mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * Double(next() >> 11) * 0x1p-53
    }
}
