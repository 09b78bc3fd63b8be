import ReproNetwork

import ReproSupport

extension ConvNetwork: Network {
    public var inputSize: Int { architecture.input.reduce(1, *) }
    public var classCount: Int { layers.last?.shape[0] ?? 0 }
    public var layerSizes: [Int] { layers.map(\.count) }
    public var keptPerLayer: [Int] { layers.map(\.kept) }

    public func inference(batchSize: Int, threads: Int) throws -> ConvInference {
        try ConvInference(self, batchSize: batchSize, threads: threads)
    }

    /// Every kept conv and linear weight times (1 + σ·ξ), ξ ~ N(0, 1) drawn layer after layer,
    /// kept weight after kept weight (the MLP engine's order and draws); biases and batch norm
    /// untouched, masked weights absent.
    public func perturbed(sigma: Double, using rng: inout RandomStream) throws -> ConvNetwork {
        guard sigma.isFinite, sigma >= 0 else {
            throw ConvError("noise sigma must be a non-negative finite number, got \(sigma)")
        }
        var copy = self
        for l in copy.layers.indices {
            copy.layers[l].values = copy.layers[l].values.map { w in
                Float(Double(w) * (1 + sigma * RandomDraws.normal(&rng)))
            }
        }
        return copy
    }

    /// In layer l the `keep[l]` kept weights of largest magnitude (lower position first on
    /// ties); biases and batch norm untouched.
    public func pruned(keep: [Int]) throws -> ConvNetwork {
        guard keep.count == layers.count else {
            throw ConvError("\(keep.count) keep counts for \(layers.count) layers")
        }
        var copy = self
        for (l, k) in keep.enumerated() {
            let layer = layers[l]
            guard k >= 0, k <= layer.kept else {
                throw ConvError("cannot keep \(k) of the \(layer.kept) weights of \(layer.name)")
            }
            let chosen = Self.largest(layer.values, count: k)
            copy.layers[l].positions = chosen.map { layer.positions[$0] }
            copy.layers[l].values = chosen.map { layer.values[$0] }
        }
        return copy
    }

    static func largest(_ values: [Float], count k: Int) -> [Int] {
        guard k > 0 else { return [] }
        guard k < values.count else { return Array(values.indices) }
        let magnitudes = values.map { abs($0) }
        let threshold = magnitudes.sorted(by: >)[k - 1]
        var ties = k - magnitudes.reduce(0) { $1 > threshold ? $0 + 1 : $0 }
        return magnitudes.indices.filter { i in
            if magnitudes[i] > threshold { return true }
            if magnitudes[i] == threshold && ties > 0 { ties -= 1; return true }
            return false
        }
    }

    /// `<layer>.weight` (kept positions, or dense when nothing is masked), `<layer>.bias`, and per
    /// batch norm `<bn>.weight`, `.bias`, `.running_mean`, `.running_var`: PyTorch's names.
    public var tensors: NamedTensors {
        var out = NamedTensors()
        for l in layers {
            let storage: Tensor.Storage = l.kept == l.count ? .dense(l.values)
                : .sparse(indices: l.positions, values: l.values)
            try! out.append("\(l.name).weight", Tensor(shape: l.shape, storage: storage))
            if let b = l.bias { try! out.append("\(l.name).bias", Tensor(shape: [b.count], values: b)) }
        }
        for n in norms {
            let c = n.gamma.count
            try! out.append("\(n.name).weight", Tensor(shape: [c], values: n.gamma))
            try! out.append("\(n.name).bias", Tensor(shape: [c], values: n.beta))
            try! out.append("\(n.name).running_mean", Tensor(shape: [c], values: n.runningMean))
            try! out.append("\(n.name).running_var", Tensor(shape: [c], values: n.runningVariance))
        }
        return out
    }

    /// The network stored as `tensors` for `architecture`; one-line errors for anything missing
    /// or mis-shaped.
    public init(architecture: Architecture, tensors: NamedTensors,
                sparseBelow: Double = ConvNetwork.defaultSparseBelow) throws {
        let layers = try architecture.weightLayers().map { w -> ConvLayerState in
            let t = try tensors.require("\(w.name).weight", shape: w.shape)
            guard t.isConsistent else { throw ConvError("tensor \(w.name).weight is inconsistent") }
            let (positions, values): ([Int], [Float])
            switch t.storage {
            case .dense(let v): (positions, values) = (Array(0..<v.count), v)
            case .sparse(let i, let v): (positions, values) = (i, v)
            }
            let bias = w.bias ? try tensors.require("\(w.name).bias", shape: [w.shape[0]]).dense : nil
            return ConvLayerState(name: w.name, shape: w.shape, positions: positions, values: values, bias: bias)
        }
        let norms = try Self.batchNormChannels(architecture, try architecture.outputShapes()).map { name, c in
            var s = BatchNormState(name: name, channels: c)
            s.gamma = try tensors.require("\(name).weight", shape: [c]).dense
            s.beta = try tensors.require("\(name).bias", shape: [c]).dense
            s.runningMean = try tensors.require("\(name).running_mean", shape: [c]).dense
            s.runningVariance = try tensors.require("\(name).running_var", shape: [c]).dense
            return s
        }
        try self.init(architecture: architecture, layers: layers, norms: norms, sparseBelow: sparseBelow)
    }
}
