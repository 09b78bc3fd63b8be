extension NumPyBitSource {
    /// numpy's `random_interval(max)`: a uniform integer in 0…max by **bit-mask rejection**
    /// (§2.1), not Lemire. Every legacy shuffle (§2.2) and `Generator.permutation` (§5) use it.
    ///
    /// `max == 0` returns 0 without drawing. Otherwise each try masks one raw output with the
    /// smallest all-ones mask covering `max` and keeps it if it is ≤ `max`; a 32-bit output is
    /// drawn while `max` fits in 32 bits, a 64-bit one beyond.
    @inline(__always)
    mutating func randomInterval(_ max: UInt64) -> UInt64 {
        if max == 0 { return 0 }
        var mask = max
        mask |= mask >> 1
        mask |= mask >> 2
        mask |= mask >> 4
        mask |= mask >> 8
        mask |= mask >> 16
        mask |= mask >> 32
        var value: UInt64
        if max <= UInt64(UInt32.max) {
            repeat { value = UInt64(nextUInt32()) & mask } while value > max
        } else {
            repeat { value = nextUInt64() & mask } while value > max
        }
        return value
    }

    /// numpy's `_shuffle_raw` for a 1-D array: Fisher–Yates from the end,
    /// `for i = n−1 down to 1: swap(x[i], x[random_interval(i)])` (§2.2, §5).
    mutating func shuffleByRandomInterval<Element>(_ elements: inout [Element]) {
        guard elements.count > 1 else { return }
        for i in stride(from: elements.count - 1, through: 1, by: -1) {
            let j = Int(truncatingIfNeeded: randomInterval(UInt64(i)))
            elements.swapAt(i, j)
        }
    }
}
