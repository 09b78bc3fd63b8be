import ReproNetwork
import Foundation

/// Every random number of the module is derived from a caller-given generator by these rules, so
/// a caller that knows the generator's stream can reproduce any draw in another language.
public enum RandomDraws {
    /// A uniform double in [0, 1) from the top 53 bits of one 64-bit draw.
    @inlinable
    public static func uniform(_ rng: inout some RandomNumberGenerator) -> Double {
        Double(rng.next() >> 11) * 0x1p-53
    }

    /// floor(u · n) for one uniform u: an integer in 0..<n. The bias is below n / 2^53, far below
    /// anything measurable for the sizes used here (n ≤ 2^26).
    @inlinable
    public static func index(below n: Int, _ rng: inout some RandomNumberGenerator) -> Int {
        min(n - 1, Int(uniform(&rng) * Double(n)))
    }

    /// A standard normal draw (Box–Muller, cosine branch), from two uniforms: u1 is mapped to
    /// (0, 1] so the logarithm is finite.
    public static func normal(_ rng: inout some RandomNumberGenerator) -> Double {
        let u1 = 1 - uniform(&rng)
        let u2 = uniform(&rng)
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// A uniformly random permutation of 0..<count (Fisher–Yates from the top: for i = count−1
    /// down to 1, swap i with index(below: i + 1)). Used for epoch orders.
    public static func permutation(count: Int, _ rng: inout some RandomNumberGenerator) -> [Int] {
        var p = Array(0..<count)
        var i = count - 1
        while i > 0 {
            p.swapAt(i, index(below: i + 1, &rng))
            i -= 1
        }
        return p
    }
}
