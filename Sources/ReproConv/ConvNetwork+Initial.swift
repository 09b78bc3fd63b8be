import ReproNetwork

import ReproSupport

extension ConvNetwork {
    /// The kept positions of every weight layer: `rule` shares out the capacity of the same
    /// family at `baseWidth` (or `budget` when given), then each layer draws a uniformly random
    /// subset of exactly that many positions from the stream (seed, "mask", layer name).
    public static func masks(architecture: Architecture, rule: MaskRule, seed: Int,
                             baseWidth: Int = ConvArchitectures.baseWidth,
                             budget: Int? = nil) throws -> [[Int]] {
        let layers = try architecture.weightLayers()
        let total: Int
        if let budget {
            total = budget
        } else {
            let base = try ConvArchitectures.make(architecture.name, width: baseWidth, input: architecture.input,
                                                  classes: try architecture.outputShapes().last![0])
            total = try base.capacity()
        }
        let sizes = layers.map(\.count)
        guard total <= sizes.reduce(0, +) else {
            throw ConvError("\(architecture.name) width \(architecture.width) has fewer weights (\(sizes.reduce(0, +))) than the budget \(total)")
        }
        return try masks(architecture: architecture,
                         kept: try rule.keptCounts(sizes: sizes, budget: total), seed: seed)
    }

    /// The kept positions of every weight layer for kept counts given per layer (whatever rule
    /// chose them): `kept[l]` positions drawn uniformly at random from the stream (seed, "mask",
    /// layer name), so the same count of the same layer gives the same positions under any rule.
    public static func masks(architecture: Architecture, kept: [Int], seed: Int) throws -> [[Int]] {
        let layers = try architecture.weightLayers()
        guard kept.count == layers.count else {
            throw ConvError("\(architecture.name): \(kept.count) kept counts for \(layers.count) layers")
        }
        return try zip(layers, kept).map { layer, k in
            var rng = RandomStream(seed: seed, "mask", layer.name)
            return try SparseMask.draw(keep: k, of: layer.count, using: &rng)
        }
    }

    /// A fresh network: kept weights and conv/linear biases U(±1/√(fan_in·keep)) from the stream
    /// (seed, "init", layer name), weights first then the bias; batch norm γ = 1, β = 0,
    /// running mean 0 and variance 1.
    public static func initial(architecture: Architecture, masks: [[Int]], seed: Int,
                               sparseBelow: Double = ConvNetwork.defaultSparseBelow) throws -> ConvNetwork {
        let weightLayers = try architecture.weightLayers()
        guard masks.count == weightLayers.count else {
            throw ConvError("\(architecture.name): \(masks.count) masks for \(weightLayers.count) layers")
        }
        let layers = zip(weightLayers, masks).map { layer, positions -> ConvLayerState in
            let keep = Double(positions.count) / Double(layer.count)
            let bound = 1 / (Double(layer.fanIn) * max(keep, 1e-12)).squareRoot()
            var rng = RandomStream(seed: seed, "init", layer.name)
            let draw = { (rng: inout RandomStream) -> Float in Float((2 * rng.nextUniform() - 1) * bound) }
            let values = positions.map { _ in draw(&rng) }
            let bias = layer.bias ? (0..<layer.shape[0]).map { _ in draw(&rng) } : nil
            return ConvLayerState(name: layer.name, shape: layer.shape, positions: positions, values: values, bias: bias)
        }
        let norms = batchNormChannels(architecture, try architecture.outputShapes())
            .map { BatchNormState(name: $0.0, channels: $0.1) }
        return try ConvNetwork(architecture: architecture, layers: layers, norms: norms, sparseBelow: sparseBelow)
    }
}
