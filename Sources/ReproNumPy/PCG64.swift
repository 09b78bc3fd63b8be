/// numpy's PCG64 bit generator: 128-bit LCG state with the XSL-RR 128→64 output (§3.4–§3.7),
/// plus the half-word buffer that numpy keeps **in the bit generator** for 32-bit draws (§3.6).
public struct PCG64: Sendable {
    /// `PCG_DEFAULT_MULTIPLIER_128` (`pcg64.h`).
    static let multiplier = Word128(high: 0x2360_ED05_1FC6_5DA4, low: 0x4385_DF64_9FCC_F645)

    /// The LCG state (`state['state']['state']`).
    public private(set) var state: Word128
    /// The odd LCG increment (`state['state']['inc']`).
    public private(set) var increment: Word128
    /// Whether the high half of the last 64-bit output waits to be returned by `nextUInt32()`.
    public private(set) var hasUInt32: Bool
    /// That waiting high half (`uinteger`); kept after use, as numpy keeps it.
    public private(set) var bufferedUInt32: UInt32

    /// `PCG64(seed)`: `SeedSequence(seed)` then seeding from `generate_state(4, uint64)`.
    public init(seed: UInt64) {
        self.init(seedSequence: SeedSequence(seed))
    }

    /// `PCG64(seed_sequence)`: `initstate = v0:v1`, `initseq = v2:v3` (§3.4), then numpy's
    /// `pcg_setseq_128_srandom_r`: `inc = initseq << 1 | 1; state = 0; step; state += initstate;
    /// step`. The buffer starts empty.
    public init(seedSequence: SeedSequence) {
        let v = seedSequence.generateState64(count: 4)
        let initState = Word128(high: v[0], low: v[1])
        let initSequence = Word128(high: v[2], low: v[3])
        increment = Word128(high: initSequence.high << 1 | initSequence.low >> 63,
                            low: initSequence.low << 1 | 1)
        state = Word128(high: 0, low: 0)
        hasUInt32 = false
        bufferedUInt32 = 0
        step()
        state = state &+ initState
        step()
    }

    /// Restores a state read from numpy (`bit_generator.state`).
    public init(state: Word128, increment: Word128, hasUInt32: Bool = false,
                bufferedUInt32: UInt32 = 0) {
        self.state = state
        self.increment = increment
        self.hasUInt32 = hasUInt32
        self.bufferedUInt32 = bufferedUInt32
    }

    @inline(__always)
    mutating func step() {
        state = state &* Self.multiplier &+ increment
    }

    /// `next64` (`random_raw`): step **first**, then XSL-RR output of the new state (§3.5).
    /// Neither reads nor clears the 32-bit buffer.
    @inline(__always)
    public mutating func nextUInt64() -> UInt64 {
        step()
        let x = state.high ^ state.low
        let rotation = state.high >> 58
        return x &>> rotation | x &<< ((64 &- rotation) & 63)
    }

    /// `next32` (§3.6): the low half of a fresh 64-bit output, its high half kept for the next
    /// call. The buffer persists across method calls (choice → choice → permutation in §7).
    @inline(__always)
    public mutating func nextUInt32() -> UInt32 {
        if hasUInt32 {
            hasUInt32 = false
            return bufferedUInt32
        }
        let value = nextUInt64()
        hasUInt32 = true
        bufferedUInt32 = UInt32(truncatingIfNeeded: value >> 32)
        return UInt32(truncatingIfNeeded: value)
    }

    /// `next_double`: the top 53 bits of `next64()` scaled into [0, 1) (§3.7).
    @inline(__always)
    public mutating func nextDouble() -> Double {
        Double(nextUInt64() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }
}

extension PCG64: NumPyBitSource {}
