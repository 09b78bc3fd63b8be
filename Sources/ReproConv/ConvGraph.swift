import ReproKernelDispatch
import Dispatch
import ReproNetwork

/// A conv network compiled for passes of up to `maxBatch` images: one output and one gradient
/// buffer per node, allocated once; the parameters live in `layers` and `norms` and are
/// updated in place by the trainer.
final class ConvGraph {
    enum Op {
        case resize(ResizeKernel)
        case normalize(mean: [Float], std: [Float])
        case conv(Int)
        case batchNorm(Int)
        case relu
        case maxPool(PoolKernels.Shape, argmax: UnsafeMutablePointer<Int32>)
        case averagePool(PoolKernels.Shape)
        case add
        case flatten
        case dense(Int)
    }

    let architecture: Architecture
    let maxBatch: Int
    let threads: Int
    let inputSize: Int
    let classCount: Int
    /// Floats per image of each node's output.
    let sizes: [Int]
    let sources: [[Int]]
    let ops: [Op]
    let layers: [LayerParameters]
    let norms: [NormParameters]
    private let outputs: [FloatBuffer]
    private let gradients: [FloatBuffer]
    let input: FloatBuffer
    let inputGradient: FloatBuffer
    private let scratch: FloatBuffer
    /// Whether a node's output depends on parameters (its gradient is needed in training).
    private let dependsOnParameters: [Bool]
    /// Per batch-norm node whose only reader is a ReLU: that ReLU, computed inside the batch
    /// norm (forward: into the ReLU's output; backward: from the ReLU's gradient and output),
    /// which saves a pass over the maps both ways.
    private let fusedRelu: [Int: Int]
    /// Per sparse conv node read only by a batch norm: that batch norm, which in inference mode
    /// (with its fused ReLU) the conv applies as it writes its output.
    private let foldedNorm: [Int: Int]
    /// Whether inference passes fold batch norms into sparse convs (off only to test the bits).
    var foldsNorms = true
    private var argmaxBuffers: [UnsafeMutablePointer<Int32>] = []
    /// Seconds per operation kind and direction when set (for `repro bench`), else nil.
    var timings: [String: Double]?

    /// Runs `body`, adding its seconds to `timings` under `key` when measuring. Not throwing (nor
    /// rethrowing): Swift 6.3's optimiser let the op switch's closure return a stale error
    /// register through a throwing function type, so ops hand their errors out themselves.
    private func timed(_ key: @autoclosure () -> String, _ body: () -> Void) {
        guard timings != nil else { return body() }
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        timings![key(), default: 0] += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    private func kind(_ i: Int) -> String {
        switch ops[i] {
        case .conv(let l): return layers[l].isSparse ? "conv-sparse" : "conv-onednn"
        case .resize: return "resize"
        case .normalize: return "normalize"
        case .batchNorm: return "batchnorm"
        case .relu: return "relu"
        case .maxPool: return "maxpool"
        case .averagePool: return "avgpool"
        case .add: return "add"
        case .flatten: return "flatten"
        case .dense: return "dense"
        }
    }

    init(_ network: ConvNetwork, maxBatch: Int, threads: Int) throws {
        guard maxBatch > 0, threads > 0 else {
            throw ConvError("batch size and threads must be positive, got \(maxBatch) and \(threads)")
        }
        let a = network.architecture
        architecture = a
        self.maxBatch = maxBatch
        self.threads = threads
        let shapes = try a.outputShapes()
        guard let last = shapes.last, last.count == 1 else {
            throw ConvError("\(a.name): the last node must give a vector of logits")
        }
        classCount = last[0]
        inputSize = a.input.reduce(1, *)
        sizes = shapes.map { $0.reduce(1, *) }
        sources = a.nodes.enumerated().map { i, node in node.from ?? [i - 1] }
        let weightLayers = try a.weightLayers()
        var layers: [LayerParameters] = []
        var norms: [NormParameters] = []
        var ops: [Op] = []
        var depends: [Bool] = []
        for (i, node) in a.nodes.enumerated() {
            let inShape = sources[i][0] == -1 ? a.input : shapes[sources[i][0]]
            switch node.op {
            case .resize(let h, let w):
                ops.append(.resize(ResizeKernel(inHeight: inShape[1], inWidth: inShape[2], outHeight: h, outWidth: w)))
            case .normalize(let mean, let std):
                ops.append(.normalize(mean: mean.map(Float.init), std: std.map(Float.init)))
            case .conv(_, let c, let k, let s, let p, let bias):
                let g = ConvGeometry(inChannels: inShape[0], height: inShape[1], width: inShape[2],
                                     outChannels: c, kernel: k, stride: s, padding: p, bias: bias)
                let state = network.layers[layers.count]
                precondition(weightLayers[layers.count].node == i)
                layers.append(LayerParameters(state, kind: .conv(g), batch: maxBatch, threads: threads,
                                              sparseBelow: network.sparseBelow))
                ops.append(.conv(layers.count - 1))
            case .dense(_, let outputs, _):
                let state = network.layers[layers.count]
                layers.append(LayerParameters(state, kind: .dense(inputs: inShape.reduce(1, *), outputs: outputs),
                                              batch: maxBatch, threads: threads, sparseBelow: network.sparseBelow))
                ops.append(.dense(layers.count - 1))
            case .batchNorm:
                norms.append(NormParameters(network.norms[norms.count]))
                ops.append(.batchNorm(norms.count - 1))
            case .relu: ops.append(.relu)
            case .maxPool(let k, let s):
                let shape = PoolKernels.Shape(planes: inShape[0], height: inShape[1], width: inShape[2],
                                              size: k, stride: s)
                let buffer = UnsafeMutablePointer<Int32>.allocate(capacity: maxBatch * sizes[i])
                argmaxBuffers.append(buffer)
                ops.append(.maxPool(shape, argmax: buffer))
            case .averagePool(let k, let s):
                ops.append(.averagePool(PoolKernels.Shape(planes: inShape[0], height: inShape[1],
                                                          width: inShape[2], size: k, stride: s)))
            case .add: ops.append(.add)
            case .flatten: ops.append(.flatten)
            }
            let parametric: Bool
            switch node.op {
            case .conv, .dense, .batchNorm: parametric = true
            default: parametric = false
            }
            depends.append(parametric || sources[i].contains { $0 >= 0 && depends[$0] })
        }
        self.ops = ops; self.layers = layers; self.norms = norms
        dependsOnParameters = depends
        let nodeSources = a.nodes.enumerated().map { i, node in node.from ?? [i - 1] }
        fusedRelu = Self.soleReaders(ops, sources: nodeSources) { reader, op in
            guard case .batchNorm = op, case .relu = reader else { return false }
            return true
        }
        foldedNorm = Self.soleReaders(ops, sources: nodeSources) { reader, op in
            guard case .conv(let l) = op, layers[l].isSparse, case .batchNorm = reader else { return false }
            return true
        }
        outputs = sizes.map { FloatBuffer(count: maxBatch * $0) }
        gradients = sizes.map { FloatBuffer(count: maxBatch * $0) }
        input = FloatBuffer(count: maxBatch * inputSize)
        inputGradient = FloatBuffer(count: maxBatch * inputSize)
        scratch = FloatBuffer(count: maxBatch * max(sizes.max() ?? 1, inputSize))
    }

    deinit { for b in argmaxBuffers { b.deallocate() } }

    private func isFusedRelu(_ i: Int) -> Bool {
        guard case .relu = ops[i] else { return false }
        return fusedRelu[sources[i][0]] == i
    }

    /// The nodes read by one node only for which `pair(reader's op, node's op)`, with that reader.
    private static func soleReaders(_ ops: [Op], sources: [[Int]], _ pair: (Op, Op) -> Bool) -> [Int: Int] {
        var readers = [Int: [Int]]()
        for (i, from) in sources.enumerated() { for j in from { readers[j, default: []].append(i) } }
        var found = [Int: Int]()
        for (i, op) in ops.enumerated() {
            guard let only = readers[i], only.count == 1, pair(ops[only[0]], op) else { continue }
            found[i] = only[0]
        }
        return found
    }

    /// The current parameters as a network value.
    func network(like original: ConvNetwork) throws -> ConvNetwork {
        try ConvNetwork(architecture: original.architecture, layers: layers.map { $0.state() },
                        norms: norms.map { $0.state() }, sparseBelow: original.sparseBelow)
    }

    var logits: UnsafeMutablePointer<Float> { outputs[outputs.count - 1].pointer }
    var logitGradients: UnsafeMutablePointer<Float> { gradients[gradients.count - 1].pointer }

    private func source(_ j: Int) -> UnsafeMutablePointer<Float> {
        j == -1 ? input.pointer : outputs[j].pointer
    }

    /// Forward pass of the first `n` images in `input`; `training`: batch norm on batch
    /// statistics (and running statistics updated).
    func forward(_ n: Int, training: Bool) throws {
        precondition(n > 0 && n <= maxBatch)
        DNNLContext.setThreads(1)
        let folded = training || !foldsNorms ? [:] : foldedNorm
        let foldedNorms = Set(folded.values)
        for (i, op) in ops.enumerated() {
            // Computed by the batch norm or the conv before it.
            if isFusedRelu(i) || foldedNorms.contains(i) { continue }
            let x = source(sources[i][0])
            let y = outputs[i].pointer
            let inSize = sources[i][0] == -1 ? inputSize : sizes[sources[i][0]]
            var failure: Error?  // oneDNN's, handed out of the op's closure (see `timed`)
            timed("forward " + kind(i)) {
            switch op {
            case .resize(let kernel):
                kernel.forward(planes: n * inSize / (kernel.inHeight * kernel.inWidth), x: x, y: y)
            case .normalize(let mean, let std):
                let planes = mean.count, plane = inSize / planes
                for m in 0..<n {
                    for c in 0..<planes {
                        let off = (m * planes + c) * plane
                        let mu = mean[c], inv = 1 / std[c]
                        for j in 0..<plane { y[off + j] = (x[off + j] - mu) * inv }
                    }
                }
            case .conv(let l):
                let layer = layers[l]
                if let sparse = layer.sparse, let b = folded[i], case .batchNorm(let k) = ops[b] {
                    let relu = fusedRelu[b]
                    sparse.forward(x: x, values: layer.values.pointer, bias: layer.bias?.pointer,
                                   affine: norms[k].folded(relu: relu != nil),
                                   y: outputs[relu ?? b].pointer, batch: n)
                } else if let sparse = layer.sparse {
                    sparse.forward(x: x, values: layer.values.pointer, bias: layer.bias?.pointer, y: y, batch: n)
                } else {
                    do { try layer.denseForward(x: x, y: y, batch: n, threads: threads) } catch { failure = error }
                }
            case .dense(let l):
                let layer = layers[l]
                layer.expand()
                guard case .dense(let inputs, let outs) = layer.kind else { break }
                DenseKernel.forward(batch: n, inputs: inputs, outputs: outs, x: x, w: layer.expanded!.pointer,
                                    b: layer.bias?.pointer, y: y)
            case .batchNorm(let b):
                let p = norms[b]
                let shape = BatchNormKernel.Shape(batch: n, channels: p.channels, positions: sizes[i] / p.channels)
                let relu = fusedRelu[i]
                let out = relu == nil ? y : outputs[relu!].pointer
                if training {
                    BatchNormKernel.forwardTraining(
                        shape, x: x, gamma: p.gamma.pointer, beta: p.beta.pointer, y: out, mean: p.mean.pointer,
                        invStd: p.invStd.pointer, runningMean: p.runningMean.pointer,
                        runningVar: p.runningVariance.pointer, relu: relu != nil, threads: threads)
                } else {
                    BatchNormKernel.forwardInference(
                        shape, x: x, gamma: p.gamma.pointer, beta: p.beta.pointer, runningMean: p.runningMean.pointer,
                        runningVar: p.runningVariance.pointer, y: out, relu: relu != nil, threads: threads)
                }
            case .relu:
                let count = n * sizes[i]
                Parallel.forEach(count, parts: threads) { _, r in
                    Kernels.active.relu(r.count, x + r.lowerBound, y + r.lowerBound)
                }
            case .maxPool(var shape, let argmax):
                shape.planes = n * shape.planes
                PoolKernels.maxForward(shape, x: x, y: y, argmax: argmax, threads: threads)
            case .averagePool(var shape):
                shape.planes = n * shape.planes
                PoolKernels.averageForward(shape, x: x, y: y, threads: threads)
            case .add:
                let count = n * sizes[i]
                y.update(from: x, count: count)
                for j in sources[i].dropFirst() { Kernels.active.axpy(count, 1, source(j), y) }
            case .flatten:
                y.update(from: x, count: n * sizes[i])
            }
            }
            if let failure { throw failure }
        }
    }

    /// Backward pass from `logitGradients` after a forward pass of `n` images: parameter
    /// gradients if `parameters`, and `inputGradient` if `toInput`.
    func backward(_ n: Int, training: Bool, parameters: Bool, toInput: Bool) throws {
        var written = [Bool](repeating: false, count: ops.count)
        written[ops.count - 1] = true
        var inputWritten = false
        for i in stride(from: ops.count - 1, through: 0, by: -1) where written[i] {
            if isFusedRelu(i) {
                written[sources[i][0]] = true  // the batch norm before it reads this gradient
                continue
            }
            // A batch norm with a fused ReLU starts from the ReLU's gradient, masked by its output.
            let relu = fusedRelu[i]
            let dy = gradients[relu ?? i].pointer
            // Where each input's gradient goes: straight into its buffer the first time, else
            // into the scratch buffer and then added.
            var targets: [(Int, UnsafeMutablePointer<Float>, Bool)] = []
            for j in sources[i] {
                let wanted = j == -1 ? toInput : (dependsOnParameters[j] && parameters) || toInput
                guard wanted else { continue }
                let first = j == -1 ? !inputWritten : !written[j]
                let buffer = j == -1 ? inputGradient.pointer : gradients[j].pointer
                targets.append((j, first ? buffer : scratch.pointer, !first))
            }
            if targets.isEmpty, !(parameters && isParametric(i)) { continue }
            let x = source(sources[i][0])
            let dx = targets.first?.1
            let inSize = sources[i][0] == -1 ? inputSize : sizes[sources[i][0]]
            var failure: Error?  // as in `forward`
            timed("backward " + kind(i)) {
            switch ops[i] {
            case .resize(let kernel):
                if let dx { kernel.backward(planes: n * inSize / (kernel.inHeight * kernel.inWidth), dy: dy, dx: dx) }
            case .normalize(let mean, let std):
                if let dx {
                    let planes = mean.count, plane = inSize / planes
                    for m in 0..<n {
                        for c in 0..<planes {
                            let off = (m * planes + c) * plane, inv = 1 / std[c]
                            for j in 0..<plane { dx[off + j] = dy[off + j] * inv }
                        }
                    }
                }
            case .conv(let l):
                let layer = layers[l]
                if let sparse = layer.sparse {
                    sparse.backward(x: x, dy: dy, values: layer.values.pointer, dx: dx,
                                    weightGradients: parameters ? layer.gradients.pointer : nil,
                                    biasGradients: parameters ? layer.biasGradients?.pointer : nil, batch: n)
                } else {
                    do {
                        try layer.denseBackward(x: x, dy: dy, dx: dx, parameters: parameters, batch: n, threads: threads)
                    } catch { failure = error }
                }
            case .dense(let l):
                let layer = layers[l]
                guard case .dense(let inputs, let outs) = layer.kind else { break }
                DenseKernel.backward(batch: n, inputs: inputs, outputs: outs, x: x, w: layer.expanded!.pointer,
                                     dy: dy, dx: dx, dw: parameters ? layer.expandedGradients!.pointer : nil,
                                     db: parameters ? layer.biasGradients?.pointer : nil)
                if parameters { layer.gatherGradients() }
            case .batchNorm(let b):
                let p = norms[b]
                let shape = BatchNormKernel.Shape(batch: n, channels: p.channels, positions: sizes[i] / p.channels)
                let reluOutput: UnsafePointer<Float>? = relu == nil ? nil : UnsafePointer(outputs[relu!].pointer)
                if training {
                    let out = dx ?? scratch.pointer
                    BatchNormKernel.backwardTraining(
                        shape, x: x, dy: dy, reluOutput: reluOutput, gamma: p.gamma.pointer, mean: p.mean.pointer, invStd: p.invStd.pointer,
                        dx: out, dGamma: p.gammaGradients.pointer, dBeta: p.betaGradients.pointer, threads: threads)
                } else if let dx {
                    BatchNormKernel.backwardInference(shape, dy: dy, reluOutput: reluOutput, gamma: p.gamma.pointer,
                                                      runningVar: p.runningVariance.pointer, dx: dx, threads: threads)
                }
            case .relu:
                if let dx {
                    let y = outputs[i].pointer
                    Parallel.forEach(n * sizes[i], parts: threads) { _, r in
                        Kernels.active.reluGradient(r.count, y + r.lowerBound, dy + r.lowerBound, dx + r.lowerBound)
                    }
                }
            case .maxPool(var shape, let argmax):
                shape.planes = n * shape.planes
                if let dx { PoolKernels.maxBackward(shape, dy: dy, argmax: argmax, dx: dx, threads: threads) }
            case .averagePool(var shape):
                shape.planes = n * shape.planes
                if let dx { PoolKernels.averageBackward(shape, dy: dy, dx: dx, threads: threads) }
            case .add, .flatten:
                // Every input receives dy; copies are made below.
                break
            }
            }
            if let failure { throw failure }
            for (k, target) in targets.enumerated() {
                let (j, pointer, accumulate) = target
                let count = n * (j == -1 ? inputSize : sizes[j])
                let isCopy: Bool
                if case .add = ops[i] { isCopy = true } else if case .flatten = ops[i] { isCopy = true } else { isCopy = false }
                if isCopy {
                    pointer.update(from: dy, count: count)
                } else if k > 0 {
                    continue  // only the add node reads several inputs
                }
                let buffer = j == -1 ? inputGradient.pointer : gradients[j].pointer
                if accumulate { Kernels.active.axpy(count, 1, pointer, buffer) }
                if j == -1 { inputWritten = true } else { written[j] = true }
            }
        }
    }

    private func isParametric(_ i: Int) -> Bool {
        switch ops[i] {
        case .conv, .dense, .batchNorm: return true
        default: return false
        }
    }
}
