/// The buffers of one conv or dense layer inside a compiled graph: compact kept values, bias,
/// their gradients, and how the layer is computed (our sparse kernels or oneDNN / BLAS on a
/// dense copy of the weights whose masked positions stay zero).
final class LayerParameters {
    enum Kind {
        case conv(ConvGeometry)
        case dense(inputs: Int, outputs: Int)
    }

    let name: String
    let shape: [Int]
    let kind: Kind
    let positions: [Int]
    let values, gradients: FloatBuffer
    let bias, biasGradients: FloatBuffer?
    /// Set for sparse convs.
    let sparse: SparseConvolution?
    /// Dense copies for oneDNN / BLAS (nil for sparse convs).
    let expanded, expandedGradients: FloatBuffer?
    private var primitives: [Int: DNNLConvolution] = [:]
    /// Per part of a split batch (after the first): dense weight and bias gradients.
    var partGradients: [(weights: FloatBuffer, bias: FloatBuffer?)] = []

    init(_ state: ConvLayerState, kind: Kind, batch: Int, threads: Int, sparseBelow: Double) {
        name = state.name; shape = state.shape; self.kind = kind
        positions = state.positions
        values = FloatBuffer(state.values)
        gradients = FloatBuffer(count: state.kept)
        bias = state.bias.map { FloatBuffer($0) }
        biasGradients = state.bias.map { FloatBuffer(count: $0.count) }
        if case .conv(let g) = kind, state.keepFraction < sparseBelow {
            sparse = SparseConvolution(g, positions: state.positions, batch: batch, threads: threads)
            expanded = nil; expandedGradients = nil
        } else {
            sparse = nil
            expanded = FloatBuffer(count: state.count)
            expandedGradients = FloatBuffer(count: state.count)
        }
    }

    var isSparse: Bool { sparse != nil }

    func state() -> ConvLayerState {
        ConvLayerState(name: name, shape: shape, positions: positions, values: values.array,
                       bias: bias?.array)
    }

    /// The kept values written into the dense copy (masked positions were never written).
    func expand() {
        guard let expanded else { return }
        let v = values.pointer, e = expanded.pointer
        for (k, p) in positions.enumerated() { e[p] = v[k] }
    }

    /// The dense gradient read at the kept positions only: masked weights get no gradient.
    func gatherGradients() {
        guard let expandedGradients else { return }
        let g = gradients.pointer, e = expandedGradients.pointer
        for (k, p) in positions.enumerated() { g[k] = e[p] }
    }

    /// oneDNN's primitives for `batch` images as part `part` of a split batch, created once
    /// (each part has its own, so parts run concurrently).
    func primitive(batch: Int, part: Int = 0) throws -> DNNLConvolution {
        let key = batch * 64 + part
        if let p = primitives[key] { return p }
        guard case .conv(let g) = kind else { throw ConvError("\(name) is not a convolution") }
        let p = try DNNLConvolution(g, batch: batch)
        primitives[key] = p
        return p
    }
}

/// One batch norm's buffers inside a compiled graph.
final class NormParameters {
    let name: String
    let channels: Int
    let gamma, beta, runningMean, runningVariance: FloatBuffer
    let gammaGradients, betaGradients, mean, invStd: FloatBuffer
    /// The inference-mode scale and shift when folded into the conv before it.
    let foldedScale, foldedShift: FloatBuffer

    init(_ s: BatchNormState) {
        name = s.name; channels = s.gamma.count
        gamma = FloatBuffer(s.gamma); beta = FloatBuffer(s.beta)
        runningMean = FloatBuffer(s.runningMean); runningVariance = FloatBuffer(s.runningVariance)
        gammaGradients = FloatBuffer(count: channels); betaGradients = FloatBuffer(count: channels)
        mean = FloatBuffer(count: channels); invStd = FloatBuffer(count: channels)
        foldedScale = FloatBuffer(count: channels); foldedShift = FloatBuffer(count: channels)
    }

    /// The inference-mode batch norm (and a ReLU after it if `relu`) as an output affine map.
    func folded(relu: Bool) -> OutputAffine {
        for c in 0..<channels {
            (foldedScale.pointer[c], foldedShift.pointer[c]) = BatchNormKernel.inferenceAffine(
                c, gamma: gamma.pointer, beta: beta.pointer, runningMean: runningMean.pointer,
                runningVar: runningVariance.pointer)
        }
        return OutputAffine(scale: foldedScale.pointer, shift: foldedShift.pointer, relu: relu)
    }

    func state() -> BatchNormState {
        var s = BatchNormState(name: name, channels: channels)
        s.gamma = gamma.array; s.beta = beta.array
        s.runningMean = runningMean.array; s.runningVariance = runningVariance.array
        return s
    }
}
