import ReproKernels
/// A model compiled for execution: each layer in the layout of its kernels (dense BLAS or
/// sparse CSR/CSC), restricted to the active units of ``Compaction``, and the passes of one batch
/// over a ``Workspace``.
final class CompiledNetwork {
    /// The stored model this was compiled from; values of inactive units are taken from it when
    /// the current model is written back.
    let source: SparseMLP
    let levels: [ActiveUnits]
    let layers: [ExecutableLayer]

    /// Whether some layer runs on BLAS (its results then depend on the batch's size).
    var usesBLAS: Bool { layers.contains { $0 is DenseExecutableLayer } }
    let denseLayers: [Bool]
    private let inputPixels: AlignedBuffer<Int32>

    init(model: SparseMLP, kernels: SparseKernelChoice, compaction: Bool, parts: Int) {
        source = model
        let dense = model.layers.map { kernels.usesDense(keep: $0.keep) }
        denseLayers = dense
        let levels = Compaction.activeUnits(model, dense: dense, enabled: compaction)
        self.levels = levels
        layers = model.layers.indices.map { l -> ExecutableLayer in
            dense[l]
                ? DenseExecutableLayer(layer: model.layers[l], parts: parts)
                : SparseExecutableLayer(
                    layer: model.layers[l], outputs: levels[l + 1],
                    inputs: levels[l], parts: parts)
        }
        inputPixels = AlignedBuffer(levels[0].units)
    }

    var classes: Int { source.outputSize }

    /// The current weights as a stored model (inactive weights keep their values, which never
    /// change: see ``Compaction``).
    func currentModel() -> SparseMLP {
        source.replacing(layers: zip(layers, source.layers).map { $0.written(into: $1) })
    }

    /// Weights computed per sample in a forward pass, against those stored.
    var work: (computed: Int, kept: Int) {
        (layers.reduce(0) { $0 + $1.workPerSample }, source.keptWeights)
    }

    func workspace(capacity: Int, inputGradient: Bool = false) -> Workspace {
        Workspace(levels: levels, capacity: capacity, inputGradient: inputGradient)
    }

    // MARK: passes over a block range (one thread's share of the samples)

    func gather(_ data: SparseDataset, _ ws: Workspace, blocks: Range<Int>, real: Int) {
        GatherKernel.normalised(
            features: data.features.pointer, inputSize: data.inputSize,
            sample: ws.sample.pointer, pixels: inputPixels.pointer,
            rows: levels[0].count, output: ws.activation[0].pointer, ld: ws.ld,
            columns: columns(blocks), real: real)
    }

    func gather(
        pixels: UnsafePointer<Float>, first: Int, _ ws: Workspace, blocks: Range<Int>,
        real: Int
    ) {
        GatherKernel.raw(
            pixels: pixels, inputSize: source.inputSize, first: first,
            pixels: inputPixels.pointer, rows: levels[0].count,
            output: ws.activation[0].pointer, ld: ws.ld, columns: columns(blocks),
            real: real, normalisation: source.normalisation)
    }

    func forward(_ ws: Workspace, blocks: Range<Int>) {
        for (l, layer) in layers.enumerated() {
            layer.forward(
                input: ws.activation[l].pointer, output: ws.activation[l + 1].pointer,
                ld: ws.ld, blocks: blocks, relu: l + 1 < layers.count)
        }
    }

    /// Loss, prediction and (when `scale` is given) the output gradient of each sample.
    func softmax(_ ws: Workspace, blocks: Range<Int>, real: Int, labels: Bool, scale: Float?) {
        SoftmaxKernel.run(
            logits: ws.activation[layers.count].pointer, classes: classes, ld: ws.ld,
            columns: columns(blocks), real: real, label: labels ? ws.label.pointer : nil,
            scale: scale ?? 1, delta: scale == nil ? nil : ws.delta[layers.count].pointer,
            loss: ws.loss.pointer, predicted: ws.predicted.pointer)
    }

    /// Gradients down to level 1 (training) or level 0 (input gradients), with old weights.
    func backward(_ ws: Workspace, blocks: Range<Int>, toInput: Bool) {
        for l in stride(from: layers.count - 1, through: toInput ? 0 : 1, by: -1) {
            layers[l].backward(
                delta: ws.delta[l + 1].pointer,
                mask: l > 0 ? UnsafePointer(ws.activation[l].pointer) : nil,
                output: ws.delta[l].pointer, ld: ws.ld, blocks: blocks)
        }
    }

    /// One thread's share (`part`) of the SGD step of every layer.
    func update(_ ws: Workspace, real: Int, part: Int, step: SGDStep) {
        for (l, layer) in layers.enumerated() {
            layer.update(
                delta: ws.delta[l + 1].pointer, input: ws.activation[l].pointer,
                ld: ws.ld, batch: real, part: part, step: step)
        }
    }

    private func columns(_ blocks: Range<Int>) -> Range<Int> {
        (blocks.lowerBound * blockWidth)..<(blocks.upperBound * blockWidth)
    }
}
