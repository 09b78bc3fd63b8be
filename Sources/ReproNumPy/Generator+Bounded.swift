extension Generator {
    /// `random_bounded_uint64(off: 0, rng, use_masked: false)`: a uniform integer in 0…`range`
    /// by Lemire's multiply-and-reject method (§4.2). `Generator.choice` uses it for both Floyd's
    /// loop and its final shuffle; `Generator.permutation` does **not** (§5).
    ///
    /// `range == 0` draws nothing. Below 2³²−1 it multiplies the buffered `next32` by `range + 1`
    /// and keeps the high word, rejecting low words under `2³² mod (range + 1)`; `2³²−1` is one
    /// raw `next32`; wider ranges are the same with `next64` and a 128-bit product.
    mutating func bounded(_ range: UInt64) -> UInt64 {
        if range == 0 { return 0 }
        if range < UInt64(UInt32.max) { return UInt64(boundedLemire32(UInt32(range))) }
        if range == UInt64(UInt32.max) { return UInt64(nextUInt32()) }
        if range == UInt64.max { return nextUInt64() }
        return boundedLemire64(range)
    }

    /// `buffered_bounded_lemire_uint32` for `range < 2³²−1`.
    @inline(__always)
    private mutating func boundedLemire32(_ range: UInt32) -> UInt32 {
        let exclusive = UInt64(range) + 1
        var product = UInt64(nextUInt32()) * exclusive
        var leftover = product & 0xFFFF_FFFF
        if leftover < exclusive {
            let threshold = (UInt64(UInt32.max) - UInt64(range)) % exclusive
            while leftover < threshold {
                product = UInt64(nextUInt32()) * exclusive
                leftover = product & 0xFFFF_FFFF
            }
        }
        return UInt32(truncatingIfNeeded: product >> 32)
    }

    /// `bounded_lemire_uint64` for `2³²−1 < range < 2⁶⁴−1` (never reached by this program).
    private mutating func boundedLemire64(_ range: UInt64) -> UInt64 {
        let exclusive = range + 1
        var product = nextUInt64().multipliedFullWidth(by: exclusive)
        if product.low < exclusive {
            let threshold = (UInt64.max - range) % exclusive
            while product.low < threshold {
                product = nextUInt64().multipliedFullWidth(by: exclusive)
            }
        }
        return product.high
    }

    /// `Generator._shuffle_int(n, first, data)`: Fisher–Yates from the end down to `first`, with
    /// the Lemire draw (§4.4, §4.5).
    mutating func shuffleByLemire(_ values: inout [Int], first: Int) {
        guard values.count > first else { return }
        for i in stride(from: values.count - 1, through: first, by: -1) {
            let j = Int(truncatingIfNeeded: bounded(UInt64(i)))
            values.swapAt(i, j)
        }
    }
}
