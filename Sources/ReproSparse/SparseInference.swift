import ReproNetwork

/// Forward passes and input gradients of a fixed model, batched: logits, test evaluation, and the
/// per-sample losses with their gradients with respect to the input pixels (for adversarial
/// attacks, which call it hundreds of times on the same model, so it is compiled once here).
///
/// Inputs are pixels in [0, 1], `count × inputSize`, example after example; the model's
/// normalisation is applied inside. One instance is used from one thread at a time.
public final class SparseInference {
    public let model: SparseMLP
    public let batchSize: Int
    let network: CompiledNetwork
    private let workspace: Workspace
    private let pool: WorkerPool

    public convenience init(
        model: SparseMLP, batchSize: Int = 256, threads: Int = 1,
        kernels: SparseKernelChoice = .automatic
    ) throws {
        try self.init(
            model: model, batchSize: batchSize, threads: threads, kernels: kernels,
            compaction: true)
    }

    /// `compaction: false` only to prove that compaction changes nothing.
    init(
        model: SparseMLP, batchSize: Int, threads: Int, kernels: SparseKernelChoice,
        compaction: Bool
    ) throws {
        guard batchSize > 0 else {
            throw SparseError("batch size must be positive, got \(batchSize)")
        }
        try Check.positive(threads, "threads")
        self.model = model
        self.batchSize = batchSize
        network = CompiledNetwork(
            model: model, kernels: kernels, compaction: compaction, parts: threads)
        workspace = network.workspace(capacity: batchSize, inputGradient: true)
        pool = WorkerPool(threads: threads)
    }

    /// Logits, `count × classes`, example after example.
    public func logits(pixels: [Float]) throws -> [Float] {
        let count = try examples(in: pixels)
        let classes = network.classes
        let ld = workspace.ld
        var out = [Float](repeating: 0, count: count * classes)
        pixels.withUnsafeBufferPointer { px in
            guard let base = px.baseAddress else { return }
            forEachBatch(count) { first, real in
                runForward(pixels: base, first: first, real: real, labels: false)
                let z = workspace.activation[network.layers.count].pointer
                for c in 0..<real {
                    for k in 0..<classes { out[(first + c) * classes + k] = z[k * ld + c] }
                }
            }
        }
        return out
    }

    /// Per-example cross-entropy and its gradient with respect to that example's pixels
    /// (`count × inputSize`), with the logits (`count × classes`) of the same forward pass. Each
    /// example's gradient is that of its own loss (not divided by the number of examples): the
    /// gradient of the summed loss.
    public func lossesAndInputGradients(
        pixels: [Float], labels: [Int]
    ) throws -> InputGradients {
        let count = try examples(in: pixels)
        guard labels.count == count else {
            throw SparseError("\(labels.count) labels for \(count) examples")
        }
        guard labels.allSatisfy({ $0 >= 0 && $0 < network.classes }) else {
            throw SparseError("labels must be in 0..<\(network.classes)")
        }
        let inputs = model.inputSize
        let ld = workspace.ld
        var losses = [Float](repeating: 0, count: count)
        var gradients = [Float](repeating: 0, count: count * inputs)
        let classes = network.classes
        var logits = [Float](repeating: 0, count: count * classes)
        let pixelUnits = network.levels[0].units
        let normalisation = model.normalisation
        pixels.withUnsafeBufferPointer { px in
            guard let base = px.baseAddress else { return }
            forEachBatch(count) { first, real in
                for c in 0..<real { workspace.label[c] = Int32(labels[first + c]) }
                network.pass(.pixels(base, first: first), workspace, pool: pool, real: real,
                             end: .gradients(scale: 1, toInput: true))
                let g0 = workspace.delta[0].pointer
                let z = workspace.activation[network.layers.count].pointer
                for c in 0..<real {
                    losses[first + c] = workspace.loss[c]
                    for k in 0..<classes { logits[(first + c) * classes + k] = z[k * ld + c] }
                    let row = (first + c) * inputs
                    for (r, u) in pixelUnits.enumerated() {
                        let g = g0[r * ld + c]
                        gradients[row + Int(u)] = normalisation.map { g / $0.deviation(at: Int(u), of: inputs) } ?? g
                    }
                }
            }
        }
        return InputGradients(logits: logits, losses: losses, gradients: gradients)
    }

    /// Accuracy, mean cross-entropy and per-class recall on a data set.
    public func evaluate(_ data: SparseDataset) throws -> SparseEvaluation {
        guard data.inputSize == model.inputSize else {
            throw SparseError("data has \(data.inputSize) inputs, the model \(model.inputSize)")
        }
        try data.check(matches: model)
        guard data.classesSeen <= network.classes else {
            throw SparseError(
                "label \(data.classesSeen - 1) is out of range for \(network.classes) classes")
        }
        var tally = ScoreTally(classes: network.classes)
        forEachBatch(data.count) { first, real in
            for c in 0..<real {
                workspace.sample[c] = Int32(first + c)
                workspace.label[c] = data.labels[first + c]
            }
            network.pass(.dataset(data), workspace, pool: pool, real: real,
                         end: .losses(scale: nil))
            for c in 0..<real {
                tally.add(
                    label: Int(workspace.label[c]), predicted: Int(workspace.predicted[c]),
                    loss: workspace.loss[c])
            }
        }
        return tally.result
    }

    private func runForward(pixels: UnsafePointer<Float>, first: Int, real: Int, labels: Bool) {
        network.pass(.pixels(pixels, first: first), workspace, pool: pool, real: real,
                     end: .logits)
    }

    private func examples(in pixels: [Float]) throws -> Int {
        let inputs = model.inputSize
        guard pixels.count % inputs == 0 else {
            throw SparseError(
                "\(pixels.count) pixels is not a whole number of \(inputs)-pixel examples")
        }
        return pixels.count / inputs
    }

    private func forEachBatch(_ count: Int, _ body: (Int, Int) throws -> Void) rethrows {
        var first = 0
        while first < count {
            let real = min(batchSize, count - first)
            try body(first, real)
            first += real
        }
    }
}
