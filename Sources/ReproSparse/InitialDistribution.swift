import ReproNetwork

/// How a layer's initial values are drawn around the scale s = 1 / sqrt(fanIn · keep) of
/// wide-sparse-nets' standard parametrisation.
public enum InitialDistribution: String, Sendable, CaseIterable {
    /// U(−s, s): the protocol's default (standard deviation s/√3).
    case uniform
    /// N(0, (s/√3)²): a normal with the standard deviation of the uniform above, so only the
    /// shape of the distribution changes, not its scale.
    case normalMatchingUniform = "normal"

    /// The standard deviation of a draw at scale `s`.
    public func standardDeviation(scale s: Double) -> Double { s / 3.0.squareRoot() }

    /// One value at scale `s`: one uniform (uniform) or two (normal, Box–Muller).
    public func draw(scale s: Double, _ rng: inout some RandomNumberGenerator) -> Float {
        switch self {
        case .uniform: return Float((2 * RandomDraws.uniform(&rng) - 1) * s)
        case .normalMatchingUniform:
            return Float(RandomDraws.normal(&rng) * standardDeviation(scale: s))
        }
    }
}
