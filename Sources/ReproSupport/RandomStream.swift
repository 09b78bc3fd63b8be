/// A seedable pseudo-random stream (xoshiro256**), seeded through SplitMix64.
///
/// Streams are derived from *what they are for* — `RandomStream(seed: 42, "init", "4-9", "h=24")` —
/// never from the order in which work runs, so a result does not depend on what ran before it.
public struct RandomStream: RandomNumberGenerator {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64
    private var spareNormal: Double?

    /// A stream from a raw 64-bit state seed.
    public init(rawSeed: UInt64) {
        var sm = SplitMix64(state: rawSeed)
        s0 = sm.next(); s1 = sm.next(); s2 = sm.next(); s3 = sm.next()
    }

    /// A stream identified by an experiment seed and the purpose it serves.
    public init(seed: Int, _ purpose: String...) {
        self.init(seed: seed, purpose: purpose)
    }

    public init(seed: Int, purpose: [String]) {
        let key = (["seed=\(seed)"] + purpose).joined(separator: "|")
        self.init(rawSeed: StableHash.fnv1a64(key))
    }

    public mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    /// Uniform in [0, 1) with 53 random bits.
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Standard normal N(0, 1) by the polar Box–Muller method (deterministic for a given stream).
    public mutating func nextNormal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        while true {
            let u = 2 * nextUniform() - 1
            let v = 2 * nextUniform() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                let factor = (-2 * _log(s) / s).squareRoot()
                spareNormal = v * factor
                return u * factor
            }
        }
    }

    /// Uniform integer in 0..<upperBound without modulo bias.
    public mutating func nextInt(below upperBound: Int) -> Int {
        precondition(upperBound > 0)
        return Int(next(upperBound: UInt64(upperBound)))
    }

    /// Fisher–Yates shuffle driven by this stream.
    public mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            let j = nextInt(below: i + 1)
            if i != j { array.swapAt(i, j) }
        }
    }

    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}


#if canImport(Glibc)
import Glibc
private func _log(_ x: Double) -> Double { Glibc.log(x) }
#else
import Foundation
private func _log(_ x: Double) -> Double { Foundation.log(x) }
#endif
