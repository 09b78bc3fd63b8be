/// The Mersenne Twister MT19937 exactly as numpy's `mt19937.c` / `mt19937.h` run it (§1.1–§1.5).
///
/// It is the bit generator behind the legacy `np.random.seed` / `RandomState(seed)` stream (§1)
/// and behind scikit-learn's `check_random_state(int)` (§6.4). Seeding by an integer is Knuth's
/// `init_genrand` (§1.2), **not** `init_by_array`; that is the usual mistake (§8).
public struct MT19937: Sendable {
    static let stateSize = 624
    static let shift = 397
    static let matrixA: UInt32 = 0x9908_B0DF
    static let upperMask: UInt32 = 0x8000_0000
    static let lowerMask: UInt32 = 0x7FFF_FFFF

    /// The 624 state words (`key` in numpy's `get_state()`).
    public private(set) var key: [UInt32]
    /// Index of the next word to temper, 0…624; 624 means "regenerate before the next draw"
    /// (`pos` in numpy's `get_state()`).
    public private(set) var position: Int

    /// Seeds like `np.random.seed(seed)`: `init_genrand` (§1.2). A `UInt32` seed is exactly
    /// numpy's accepted range 0…2³²−1, so no masking or range check is needed here.
    public init(seed: UInt32) {
        var key = [UInt32](repeating: 0, count: Self.stateSize)
        key[0] = seed
        for i in 1..<Self.stateSize {
            let previous = key[i - 1]
            key[i] = 1_812_433_253 &* (previous ^ (previous >> 30)) &+ UInt32(i)
        }
        self.key = key
        self.position = Self.stateSize
    }

    /// Restores a state read from numpy (`get_state()`'s `key` and `pos`).
    /// - Precondition: `key.count == 624` and `0 <= position <= 624`.
    public init(key: [UInt32], position: Int) {
        precondition(key.count == Self.stateSize, "MT19937 state has 624 words")
        precondition((0...Self.stateSize).contains(position), "MT19937 position is 0…624")
        self.key = key
        self.position = position
    }

    /// Rewrites the whole block in place, in increasing order (§1.3). Words with index ≥ 227 use
    /// a partner that this same pass has already rewritten, as in the reference code.
    mutating func regenerate() {
        let n = Self.stateSize, m = Self.shift
        key.withUnsafeMutableBufferPointer { k in
            for i in 0..<n {
                let next = i + 1 == n ? 0 : i + 1
                let partner = i + m < n ? i + m : i + m - n
                let y = (k[i] & Self.upperMask) | (k[next] & Self.lowerMask)
                let twist = (y & 1) == 0 ? 0 : Self.matrixA
                k[i] = k[partner] ^ (y >> 1) ^ twist
            }
        }
        position = 0
    }

    /// `genrand_int32`: the next tempered 32-bit output (§1.4).
    @inline(__always)
    public mutating func nextUInt32() -> UInt32 {
        if position == Self.stateSize { regenerate() }
        var y = key[position]
        position += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    /// `mt19937_next64`: two 32-bit outputs, the **first** one in the high half. Only reached by
    /// bounded draws wider than 32 bits, which this program never makes (§2.1).
    public mutating func nextUInt64() -> UInt64 {
        let high = UInt64(nextUInt32())
        return high << 32 | UInt64(nextUInt32())
    }

    /// `mt19937_next_double`: a 53-bit double in [0, 1) from two outputs, 27 bits from the first
    /// and 26 from the second (§1.5). Every operation is exact, so no rounding question arises.
    @inline(__always)
    public mutating func nextDouble() -> Double {
        let a = nextUInt32() >> 5
        let b = nextUInt32() >> 6
        return (Double(a) * 67_108_864.0 + Double(b)) / 9_007_199_254_740_992.0
    }
}

extension MT19937: NumPyBitSource {}
