import ReproNetwork
/// Multiplicative Gaussian weight noise: w ← w · (1 + σ·ξ), ξ ~ N(0, 1) per kept weight, i.e.
/// an additive z ~ N(0, w²σ²) as in the paper. Dropped positions are not in the mask, so they
/// stay exactly 0; a kept weight that is 0 also stays 0.
public enum WeightNoise {
    /// A noisy copy of `model`. Draws ξ layer after layer, kept weight after kept weight
    /// (``RandomDraws/normal(_:)``: two uniforms per draw); biases too, after each layer's
    /// weights, when `biases` is true (the protocol perturbs weights only).
    public static func perturbed(
        _ model: SparseMLP, sigma: Double, biases: Bool = false,
        using rng: inout some RandomNumberGenerator
    ) throws -> SparseMLP {
        guard sigma.isFinite, sigma >= 0 else {
            throw SparseError("noise sigma must be a non-negative finite number, got \(sigma)")
        }
        let layers = model.layers.map { layer -> SparseLayer in
            let values = layer.values.map { w in
                Float(Double(w) * (1 + sigma * RandomDraws.normal(&rng)))
            }
            let bias =
                biases
                ? layer.bias.map { b in Float(Double(b) * (1 + sigma * RandomDraws.normal(&rng))) }
                : layer.bias
            return layer.with(values: values, bias: bias)
        }
        return model.replacing(layers: layers)
    }
}
