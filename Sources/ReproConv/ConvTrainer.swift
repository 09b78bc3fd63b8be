import Foundation
import ReproNetwork
import ReproSupport

/// Mini-batch SGD with momentum (PyTorch's form: v ← μv + g, w ← w − lr·v) on a compiled
/// graph. Only kept weights exist, so masked weights, their gradients and their momentum are
/// zero forever. Same network, data, seed and threads → the same bits.
public final class ConvTrainer {
    public let options: ConvTrainingOptions
    let graph: ConvGraph
    private let original: ConvNetwork
    /// Momentum per parameter buffer, in `parameterBuffers` order.
    private var velocity: [FloatBuffer] = []
    private let parameterBuffers: [(value: FloatBuffer, gradient: FloatBuffer)]

    public init(network: ConvNetwork, options: ConvTrainingOptions = ConvTrainingOptions()) throws {
        try options.validate()
        self.options = options
        original = network
        graph = try ConvGraph(network, maxBatch: options.batchSize, threads: options.threads)
        var buffers: [(FloatBuffer, FloatBuffer)] = []
        for l in graph.layers {
            buffers.append((l.values, l.gradients))
            if let b = l.bias, let g = l.biasGradients { buffers.append((b, g)) }
        }
        for n in graph.norms {
            buffers.append((n.gamma, n.gammaGradients))
            buffers.append((n.beta, n.betaGradients))
        }
        parameterBuffers = buffers
        velocity = buffers.map { FloatBuffer(count: $0.0.count) }
    }

    /// Seconds per operation kind and direction of every step since it was set to `[:]`
    /// (nil: not measured).
    public var profile: [String: Double]? {
        get { graph.timings }
        set { graph.timings = newValue }
    }

    /// Per layer: "sparse" or oneDNN's forward / backward-data / backward-weights implementations.
    public func implementations() throws -> [(String, String)] {
        try graph.layers.map { l in
            if l.isSparse { return (l.name, "sparse") }
            if case .dense = l.kind { return (l.name, "blas") }
            return (l.name, try l.primitive(batch: graph.maxBatch).implementations.joined(separator: " / "))
        }
    }

    /// The network as trained so far.
    public func network() throws -> ConvNetwork { try graph.network(like: original) }

    /// Trains to the stopping rule on `data`; `progress` sees every epoch's record, `checkpoint`
    /// (when given) the state after every epoch, from which `resuming` continues with the same
    /// bits as an uninterrupted run.
    public static func train(network: ConvNetwork, data: LabeledPixels, seed: Int,
                             options: ConvTrainingOptions = ConvTrainingOptions(),
                             resuming: ConvCheckpoint? = nil,
                             checkpoint: ((ConvCheckpoint) throws -> Void)? = nil,
                             progress: ((ConvEpochRecord) -> Void)? = nil) throws -> ConvTrainingResult {
        let trainer = try ConvTrainer(network: resuming?.network ?? network, options: options)
        var history = resuming?.history ?? []
        if let resuming { try trainer.setMomentum(resuming.momentum) }
        func stopped(_ reason: ConvStopReason) throws -> ConvTrainingResult {
            ConvTrainingResult(network: try trainer.network(), history: history, stopReason: reason)
        }
        if let last = history.last, last.meanLoss < options.stopBelowLoss { return try stopped(.lossBelowThreshold) }
        for e in history.count..<max(history.count, options.maxEpochs) {
            let record = try trainer.epoch(e, data: data, seed: seed)
            history.append(record)
            progress?(record)
            try checkpoint?(ConvCheckpoint(network: try trainer.network(), momentum: trainer.momentum(),
                                           history: history))
            if record.meanLoss < options.stopBelowLoss { return try stopped(.lossBelowThreshold) }
        }
        return try stopped(.maxEpochs)
    }

    /// The momentum of every parameter under the parameter's stored name (kept positions only
    /// for masked weights).
    public func momentum() -> NamedTensors {
        var out = NamedTensors()
        for (name, shape, positions, k) in momentumLayout {
            let v = velocity[k].array
            let storage: Tensor.Storage = positions.map { .sparse(indices: $0, values: v) } ?? .dense(v)
            try! out.append(name, Tensor(shape: shape, storage: storage))
        }
        return out
    }

    /// Sets the momentum from ``momentum()``'s tensors; one-line errors for anything missing.
    public func setMomentum(_ tensors: NamedTensors) throws {
        for (name, shape, positions, k) in momentumLayout {
            let t = try tensors.require(name, shape: shape)
            let values: [Float]
            switch t.storage {
            case .dense(let v): values = v
            case .sparse(let indices, let v):
                guard indices == positions else { throw ConvError("momentum \(name) has other kept positions") }
                values = v
            }
            guard values.count == velocity[k].count else { throw ConvError("momentum \(name) has the wrong size") }
            velocity[k].pointer.update(from: values, count: values.count)
        }
    }

    /// Name, shape, kept positions (nil: dense) and velocity index of every parameter.
    private var momentumLayout: [(String, [Int], [Int]?, Int)] {
        var out: [(String, [Int], [Int]?, Int)] = []
        for l in graph.layers {
            let count = l.shape.reduce(1, *)
            out.append(("\(l.name).weight", l.shape, l.positions.count == count ? nil : l.positions, out.count))
            if let b = l.bias { out.append(("\(l.name).bias", [b.count], nil, out.count)) }
        }
        for n in graph.norms {
            out.append(("\(n.name).weight", [n.channels], nil, out.count))
            out.append(("\(n.name).bias", [n.channels], nil, out.count))
        }
        return out
    }

    /// A fresh network of `architecture` with `masks` (see ``ConvNetwork/masks``), initialised
    /// from `seed`, trained to the stopping rule.
    public static func train(architecture: Architecture, masks: [[Int]], seed: Int, data: LabeledPixels,
                             options: ConvTrainingOptions = ConvTrainingOptions(),
                             progress: ((ConvEpochRecord) -> Void)? = nil) throws -> ConvTrainingResult {
        let network = try ConvNetwork.initial(architecture: architecture, masks: masks, seed: seed)
        return try train(network: network, data: data, seed: seed, options: options, progress: progress)
    }

    /// The order of epoch e's examples: a permutation from the stream (seed, "order", e).
    public static func order(count: Int, seed: Int, epoch: Int) -> [Int] {
        var rng = RandomStream(seed: seed, "order", "epoch=\(epoch)")
        var order = Array(0..<count)
        rng.shuffle(&order)
        return order
    }

    /// One epoch at the schedule's learning rate for epoch `e`.
    public func epoch(_ e: Int, data: LabeledPixels, seed: Int) throws -> ConvEpochRecord {
        guard data.inputSize == graph.inputSize else {
            throw ConvError("images of \(data.inputSize) pixels for a network reading \(graph.inputSize)")
        }
        guard data.labels.allSatisfy({ $0 < graph.classCount }) else {
            throw ConvError("labels must be below \(graph.classCount)")
        }
        let start = Date()
        let lr = options.learningRate(epoch: e)
        let order = Self.order(count: data.count, seed: seed, epoch: e)
        var lossSum = 0.0, correct = 0
        var b = 0
        while b < order.count {
            let batch = Array(order[b..<min(b + options.batchSize, order.count)])
            let (loss, hits) = try step(batch, data: data, learningRate: Float(lr))
            lossSum += loss * Double(batch.count)
            correct += hits
            b += batch.count
        }
        return ConvEpochRecord(epoch: e, learningRate: lr, meanLoss: lossSum / Double(order.count),
                               accuracy: Double(correct) / Double(order.count),
                               seconds: Date().timeIntervalSince(start))
    }

    /// One SGD step on the examples `indices`; returns the batch's mean loss and hits.
    @discardableResult
    public func step(_ indices: [Int], data: LabeledPixels, learningRate: Float) throws -> (Double, Int) {
        let n = indices.count, size = graph.inputSize, classes = graph.classCount
        guard n > 0, n <= graph.maxBatch, data.inputSize == size,
              indices.allSatisfy({ $0 >= 0 && $0 < data.count && data.labels[$0] < classes }) else {
            throw ConvError("a step takes 1 to \(graph.maxBatch) examples of \(size) pixels with labels below \(classes)")
        }
        data.pixels.withUnsafeBufferPointer { pixels in
            for (m, i) in indices.enumerated() {
                (graph.input.pointer + m * size).update(from: pixels.baseAddress! + i * size, count: size)
            }
        }
        try graph.forward(n, training: true)
        let labels = indices.map { data.labels[$0] }
        var losses = [Float](repeating: 0, count: n)
        SoftmaxCrossEntropy.run(logits: graph.logits, labels: labels, classes: classes, losses: &losses,
                                gradients: graph.logitGradients, scale: 1 / Float(n))
        var hits = 0
        for (m, label) in labels.enumerated() {
            let z = graph.logits + m * classes
            var best = 0
            for k in 1..<classes where z[k] > z[best] { best = k }
            if best == label { hits += 1 }
        }
        try graph.backward(n, training: true, parameters: true, toInput: false)
        let mu = Float(options.momentum)
        for (k, p) in parameterBuffers.enumerated() {
            let v = velocity[k].pointer, w = p.value.pointer, g = p.gradient.pointer
            for j in 0..<p.value.count {
                v[j] = mu * v[j] + g[j]
                w[j] -= learningRate * v[j]
            }
        }
        return (losses.reduce(0.0) { $0 + Double($1) } / Double(n), hits)
    }
}
