/// The uniform draws every corruption is built from, taken straight from the caller's generator
/// so that the same generator state always gives the same pixels (protocol A, "data
/// corruption"). NumPy's own streams cannot be reproduced bit for bit, so only the
/// distributions of `corruptions.py` are matched, not its numbers.
extension RandomNumberGenerator {
    /// A uniform double in [0, 1): the top 53 bits of one `next()`, so every value is a multiple
    /// of 2⁻⁵³, like NumPy's `random_sample`.
    @inline(__always)
    mutating func nextUnitDouble() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// `count` uniform doubles in [0, 1), in draw order. Pulling a whole block in one tight loop
    /// keeps the generic `next()` calls together; fog's fractal needs 65,535 draws per image, and
    /// calling through the generic generator once per arithmetic step made it several times
    /// slower when the caller's generator type is not specialised into this module.
    mutating func unitDoubles(count: Int) -> [Double] {
        [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            for index in 0..<count {
                buffer[index] = nextUnitDouble()
            }
            initialized = count
        }
    }

    /// A uniform double in [lower, upper), computed as NumPy's `uniform(low, high)` does:
    /// low + (high − low)·u.
    @inline(__always)
    mutating func nextUniform(_ lower: Double, _ upper: Double) -> Double {
        lower + (upper - lower) * nextUnitDouble()
    }

    /// A uniform integer in [lower, upper), NumPy's `randint(low, high)` (upper bound excluded).
    /// Rejection sampling on 64-bit words removes the modulo bias; it is written out here, not
    /// taken from `Int.random(in:using:)`, so the stream does not depend on the standard
    /// library's choice of algorithm.
    mutating func nextInt(from lower: Int, below upper: Int) -> Int {
        precondition(lower < upper, "empty integer range")
        let span = UInt64(upper - lower)
        let threshold = (0 &- span) % span   // 2⁶⁴ mod span: the biased low tail to reject
        while true {
            let word = next()
            if word >= threshold {
                return lower + Int(word % span)
            }
        }
    }

    /// True with probability `p`, as NumPy's `choice([True, False], p=[p, 1 − p])`: u < p.
    @inline(__always)
    mutating func nextBool(probability p: Double) -> Bool {
        nextUnitDouble() < p
    }

    /// −1 or +1 with probability ½ each, as `np.random.choice([-1, 1])`.
    @inline(__always)
    mutating func nextSign() -> Double {
        nextUnitDouble() < 0.5 ? -1 : 1
    }
}
