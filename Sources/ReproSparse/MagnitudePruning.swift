/// One-shot magnitude pruning, per layer, without fine-tuning.
public enum MagnitudePruning {
    /// The model keeping, in each layer l, the `keep[l]` kept weights of largest |w| (the others
    /// are dropped from the mask: their values are gone, not just zeroed). On equal magnitudes
    /// the lower position wins, so the result is deterministic. Biases are unchanged.
    public static func prune(_ model: SparseMLP, keep: [Int]) throws -> SparseMLP {
        guard keep.count == model.layers.count else {
            throw SparseError("\(keep.count) keep counts for \(model.layers.count) layers")
        }
        let layers = try zip(model.layers, keep).map { try prune($0, keep: $1) }
        return try SparseMLP(layers: layers, normalisation: model.normalisation)
    }

    /// One layer keeping its `k` largest-magnitude weights.
    public static func prune(_ layer: SparseLayer, keep k: Int) throws -> SparseLayer {
        guard k >= 0, k <= layer.kept else {
            throw SparseError(
                "cannot keep \(k) of the \(layer.kept) weights of a "
                    + "\(layer.fanIn)×\(layer.fanOut) layer")
        }
        let chosen = largest(layer.values, count: k)
        return try SparseLayer(
            fanIn: layer.fanIn, fanOut: layer.fanOut,
            indices: chosen.map { layer.indices[$0] },
            values: chosen.map { layer.values[$0] }, bias: layer.bias)
    }

    /// Positions (ascending) of the `k` entries of largest magnitude, lower position first on
    /// ties: the k-th largest magnitude is found by sorting the magnitudes once, then every entry
    /// above it and the first entries equal to it are taken.
    static func largest(_ values: [Float], count k: Int) -> [Int] {
        guard k > 0 else { return [] }
        guard k < values.count else { return Array(values.indices) }
        let magnitudes = values.map { abs($0) }
        let threshold = magnitudes.sorted(by: >)[k - 1]
        let above = magnitudes.reduce(0) { $1 > threshold ? $0 + 1 : $0 }
        var ties = k - above
        var out: [Int] = []
        out.reserveCapacity(k)
        for (i, m) in magnitudes.enumerated() {
            if m > threshold {
                out.append(i)
            } else if m == threshold && ties > 0 {
                out.append(i)
                ties -= 1
            }
        }
        return out
    }
}
