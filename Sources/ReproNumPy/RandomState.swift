/// NumPy's legacy generator: `np.random.RandomState(seed)`, which is also what the module-level
/// `np.random.seed(seed)` / `np.random.randn(...)` functions use (§1).
///
/// It is an MT19937 plus the legacy Gaussian cache (`has_gauss`, `gauss`, §1.1). The cache is
/// part of the state because a `randn` call can start with the value cached by the previous call
/// (§1.6); reseeding clears it (§1.2). It is a value type: copying it forks the stream.
public struct RandomState: Sendable {
    /// The underlying bit generator.
    public internal(set) var bitGenerator: MT19937
    /// Whether a second polar-method normal is cached (`has_gauss`).
    public internal(set) var hasGauss: Bool
    /// The cached normal (`gauss`); 0.0 when none is cached, as in numpy.
    public internal(set) var gauss: Double

    /// `np.random.RandomState(seed)` for an integer seed, which is also what scikit-learn's
    /// `check_random_state(seed)` builds (§1.2, §6.4). numpy rejects seeds outside 0…2³²−1;
    /// `UInt32` makes that range the type.
    public init(seed: UInt32) {
        bitGenerator = MT19937(seed: seed)
        hasGauss = false
        gauss = 0.0
    }

    /// Restores a complete legacy state, e.g. one read from numpy's `get_state()`.
    public init(bitGenerator: MT19937, hasGauss: Bool = false, gauss: Double = 0.0) {
        self.bitGenerator = bitGenerator
        self.hasGauss = hasGauss
        self.gauss = gauss
    }

    /// `np.random.seed(seed)` on an existing generator: reseeds and clears the Gaussian cache.
    public mutating func seed(_ seed: UInt32) {
        self = RandomState(seed: seed)
    }

    /// `random_sample()` / `legacy_double`: one 53-bit double in [0, 1) (§1.5).
    @inline(__always)
    public mutating func randomSample() -> Double {
        bitGenerator.nextDouble()
    }

    /// `random_sample(count)`: `count` doubles in order.
    public mutating func randomSample(count: Int) -> [Double] {
        (0..<count).map { _ in randomSample() }
    }
}

extension RandomState: NumPyBitSource {
    @inline(__always)
    mutating func nextUInt32() -> UInt32 { bitGenerator.nextUInt32() }
    mutating func nextUInt64() -> UInt64 { bitGenerator.nextUInt64() }
}
