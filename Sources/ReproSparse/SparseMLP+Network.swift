import ReproNetwork
import ReproSupport

/// The sparse MLP as the seam sees it. Its tensors are `dense<l>.weight` ([fanOut, fanIn], the
/// engine's layout, stored as kept positions unless every weight is kept) and `dense<l>.bias`.
extension SparseMLP: Network {
    public var classCount: Int { outputSize }
    public var layerSizes: [Int] { layers.map { $0.fanIn * $0.fanOut } }
    public var keptPerLayer: [Int] { layers.map(\.kept) }
    /// Each layer's input and output with their gradients, in Float32.
    public var bytesPerImage: Int { 8 * layers.reduce(layers.first?.fanIn ?? 0) { $0 + $1.fanOut } }

    public func inference(batchSize: Int, threads: Int) throws -> SparseInference {
        try SparseInference(model: self, batchSize: batchSize, threads: threads)
    }

    public func perturbed(sigma: Double, using rng: inout RandomStream) throws -> SparseMLP {
        try WeightNoise.perturbed(self, sigma: sigma, using: &rng)
    }

    public func pruned(keep: [Int]) throws -> SparseMLP {
        try MagnitudePruning.prune(self, keep: keep)
    }

    public var tensors: NamedTensors {
        var out = NamedTensors()
        for (l, layer) in layers.enumerated() {
            let shape = [layer.fanOut, layer.fanIn]
            let weights: Tensor.Storage = layer.kept == layer.fanIn * layer.fanOut
                ? .dense(layer.values)
                : .sparse(indices: layer.indices.map(Int.init), values: layer.values)
            // Names are unique by construction.
            try? out.append("dense\(l).weight", Tensor(shape: shape, storage: weights))
            try? out.append("dense\(l).bias", Tensor(shape: [layer.fanOut], values: layer.bias))
        }
        return out
    }

    /// The model stored as ``tensors``: `dense0.weight`, `dense0.bias`, … in order.
    public init(tensors: NamedTensors) throws {
        var layers: [SparseLayer] = []
        while let w = tensors["dense\(layers.count).weight"] {
            let l = layers.count
            guard w.shape.count == 2 else {
                throw SparseError("tensor dense\(l).weight has shape \(w.shape), not [out, in]")
            }
            let bias = try tensors.require("dense\(l).bias", shape: [w.shape[0]])
            let (indices, values): ([Int32], [Float])
            switch w.storage {
            case .dense(let v): (indices, values) = (v.indices.map { Int32($0) }, v)
            case .sparse(let i, let v): (indices, values) = (i.map { Int32($0) }, v)
            }
            layers.append(try SparseLayer(fanIn: w.shape[1], fanOut: w.shape[0], indices: indices,
                                          values: values, bias: bias.dense))
        }
        guard layers.count * 2 == tensors.count else {
            throw SparseError("stored tensors \(tensors.names) are not an MLP's")
        }
        try self.init(layers: layers)
    }
}

extension SparseInference: NetworkInference {
    public var inputSize: Int { model.inputSize }
    public var classCount: Int { model.outputSize }
    /// Our sparse kernels keep every sample in its own lanes; a layer on BLAS does not.
    public var scoresEachImageAlone: Bool { !network.usesBLAS }

    public func evaluate(_ data: LabeledPixels) throws -> ClassificationScore {
        try evaluate(try SparseDataset(pixels: data.pixels, labels: data.labels,
                                       inputSize: data.inputSize,
                                       normalisation: model.normalisation))
    }
}
