/// numpy's `SeedSequence` (`bit_generator.pyx`), reduced to what `default_rng(int)` uses: entropy
/// words mixed into a 4-word pool, then `generate_state` (§3.1–§3.3). No spawn key, no pool
/// size other than 4.
public struct SeedSequence: Sendable {
    static let initA: UInt32 = 0x43B0_D7E5
    static let multA: UInt32 = 0x931E_8875
    static let initB: UInt32 = 0x8B51_F9DD
    static let multB: UInt32 = 0x58F3_8DED
    static let mixMultL: UInt32 = 0xCA01_F9DD
    static let mixMultR: UInt32 = 0x4973_F715
    static let poolSize = 4

    /// The entropy as 32-bit words, least significant first.
    public let entropy: [UInt32]
    /// The mixed pool (`SeedSequence.pool`).
    public let pool: [UInt32]

    /// `SeedSequence(seed)` for a non-negative integer: its 32-bit words, least significant
    /// first; 0 is the single word `[0]`, not an empty list (§3.1).
    public init(_ seed: UInt64) {
        let low = UInt32(truncatingIfNeeded: seed)
        let high = UInt32(truncatingIfNeeded: seed >> 32)
        self.init(entropyWords: high == 0 ? [low] : [low, high])
    }

    /// `SeedSequence(entropy)` for entropy already split into 32-bit words, least significant
    /// first (e.g. a Python int wider than 64 bits).
    public init(entropyWords: [UInt32]) {
        entropy = entropyWords
        pool = Self.mixEntropy(entropyWords)
    }

    /// `mix_entropy` (§3.2). One running hash constant `hc` serves the whole mixing; it is
    /// multiplied **before** it is used as the multiplier.
    static func mixEntropy(_ words: [UInt32]) -> [UInt32] {
        var hashConstant = initA
        func hashmix(_ input: UInt32) -> UInt32 {
            var value = input ^ hashConstant
            hashConstant = hashConstant &* multA
            value = value &* hashConstant
            return value ^ (value >> 16)
        }
        func mix(_ x: UInt32, _ y: UInt32) -> UInt32 {
            let t = mixMultL &* x &- mixMultR &* y
            return t ^ (t >> 16)
        }
        var pool = (0..<poolSize).map { hashmix($0 < words.count ? words[$0] : 0) }
        for source in 0..<poolSize {
            for destination in 0..<poolSize where destination != source {
                pool[destination] = mix(pool[destination], hashmix(pool[source]))
            }
        }
        for source in poolSize..<max(poolSize, words.count) {
            for destination in 0..<poolSize {
                pool[destination] = mix(pool[destination], hashmix(words[source]))
            }
        }
        return pool
    }

    /// `generate_state(count, np.uint32)` (§3.3).
    public func generateState32(count: Int) -> [UInt32] {
        var hashConstant = Self.initB
        return (0..<count).map { i in
            var value = pool[i % Self.poolSize] ^ hashConstant
            hashConstant = hashConstant &* Self.multB
            value = value &* hashConstant
            return value ^ (value >> 16)
        }
    }

    /// `generate_state(count, np.uint64)`: twice as many 32-bit words, paired little-endian,
    /// `out[k] = w[2k] | w[2k+1] << 32`, on every platform (§3.3).
    public func generateState64(count: Int) -> [UInt64] {
        let words = generateState32(count: 2 * count)
        return (0..<count).map { k in
            UInt64(words[2 * k]) | UInt64(words[2 * k + 1]) << 32
        }
    }
}
