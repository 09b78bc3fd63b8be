extension RandomNumberGenerator {
    /// A uniform double in [0, 1) from the top 53 bits of one `next()`, the convention `repro` uses
    /// everywhere, so that a given generator state gives the same draws on every platform.
    mutating func nextUnitInterval() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform value in [−1, 1): `2u − 1`, one draw. Random starts scale it by ε (PGD, FFGSM:
    /// Torchattacks' `uniform_(-eps, eps)`) or normalise it per sample first (APGD).
    mutating func nextSymmetricUnit() -> Float {
        Float(2 * nextUnitInterval() - 1)
    }
}
