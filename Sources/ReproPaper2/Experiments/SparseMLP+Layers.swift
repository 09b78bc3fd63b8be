import ReproNN
import ReproSparse

/// Paper 2's networks in the store's layer form and back. The engine keeps PyTorch's layout
/// (output · fanIn + input); stored layers use input · fanOut + output, like every other model in
/// the store, so positions are remapped (exactly) both ways. Fully kept layers are stored dense.
extension SparseMLP {
    public var storedLayers: [LayerWeights] {
        layers.map { layer in
            let n = layer.fanIn, m = layer.fanOut
            let bias = layer.bias.map(Double.init)
            if layer.kept == n * m {
                var dense = [Double](repeating: 0, count: n * m)
                for (k, p) in layer.indices.enumerated() {
                    let o = Int(p) / n, i = Int(p) % n
                    dense[i * m + o] = Double(layer.values[k])
                }
                return LayerWeights(fanIn: n, fanOut: m, storage: .dense(dense), bias: bias)
            }
            let pairs = layer.indices.enumerated().map { k, p -> (Int, Double) in
                let o = Int(p) / n, i = Int(p) % n
                return (i * m + o, Double(layer.values[k]))
            }.sorted { $0.0 < $1.0 }
            return LayerWeights(fanIn: n, fanOut: m,
                                storage: .sparse(indices: pairs.map(\.0), values: pairs.map(\.1)),
                                bias: bias)
        }
    }

    public init(storedLayers: [LayerWeights]) throws {
        let layers = try storedLayers.map { stored -> SparseLayer in
            let n = stored.fanIn, m = stored.fanOut
            var pairs: [(Int32, Float)] = []
            switch stored.storage {
            case .dense(let w):
                pairs = w.indices.map { q in (Int32((q % m) * n + q / m), Float(w[q])) }
            case .sparse(let indices, let values):
                pairs = zip(indices, values).map { q, v in (Int32((q % m) * n + q / m), Float(v)) }
            }
            pairs.sort { $0.0 < $1.0 }
            return try SparseLayer(fanIn: n, fanOut: m, indices: pairs.map(\.0),
                                   values: pairs.map(\.1), bias: stored.bias.map(Float.init))
        }
        try self.init(layers: layers)
    }
}
