/// numpy's `Generator` over PCG64: what `np.random.default_rng(seed)` returns (§3).
///
/// All draws go through the one `PCG64`, whose 32-bit buffer therefore carries over from one
/// method call to the next, exactly as numpy's does (§3.6). A value type: copying it forks the
/// stream.
public struct Generator: Sendable {
    /// The bit generator, with its 32-bit buffer.
    public private(set) var bitGenerator: PCG64

    /// `np.random.default_rng(seed)` = `Generator(PCG64(SeedSequence(seed)))` for an integer seed.
    public init(seed: UInt64) {
        bitGenerator = PCG64(seed: seed)
    }

    /// `Generator(bit_generator)`.
    public init(bitGenerator: PCG64) {
        self.bitGenerator = bitGenerator
    }

    /// `Generator.random()`: one double in [0, 1) (§3.7).
    public mutating func random() -> Double {
        bitGenerator.nextDouble()
    }

    /// `Generator.random(count)`: `count` doubles in order.
    public mutating func random(count: Int) -> [Double] {
        (0..<count).map { _ in random() }
    }
}

extension Generator: NumPyBitSource {
    @inline(__always)
    mutating func nextUInt32() -> UInt32 { bitGenerator.nextUInt32() }
    @inline(__always)
    mutating func nextUInt64() -> UInt64 { bitGenerator.nextUInt64() }
}
