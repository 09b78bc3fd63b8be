import ReproKernels
import ReproNetwork
import Foundation

/// Trains one model by mini-batch SGD with momentum, keeping its static masks.
///
/// Create it from a stored model, run epochs, read ``model`` back. One trainer is used from one
/// thread at a time; several trainers (different seeds) may run on different threads at once,
/// sharing one ``SparseDataset`` (see ``SparseConcurrency``).
public final class SparseTrainer {
    public let options: SparseTrainingOptions
    public private(set) var epochsDone: Int
    private let network: CompiledNetwork
    private let workspace: Workspace
    private let pool: WorkerPool
    private let step: SGDStep

    public init(model: SparseMLP, options: SparseTrainingOptions = SparseTrainingOptions()) throws {
        try options.validate()
        self.options = options
        epochsDone = 0
        network = CompiledNetwork(
            model: model, kernels: options.kernels,
            compaction: options.compaction, parts: options.threads)
        workspace = network.workspace(capacity: options.batchSize)
        pool = WorkerPool(threads: options.threads)
        step = SGDStep(learningRate: Float(options.learningRate), momentum: Float(options.momentum),
                       biases: options.trainsBiases)
    }

    /// The current weights as a stored model.
    public var model: SparseMLP { network.currentModel() }

    /// Multiply-adds per sample of one forward pass after compaction, and the kept weights.
    public var work: (computed: Int, kept: Int) { network.work }

    /// Whether each layer runs dense BLAS (true) or the sparse kernels.
    public var denseLayers: [Bool] { network.denseLayers }

    /// One epoch over `data` in the given order (a permutation of 0..<data.count); the last
    /// partial batch is used.
    public func trainEpoch(on data: SparseDataset, order: [Int]) throws -> SparseEpochStats {
        try checkData(data)
        guard order.count == data.count else {
            throw SparseError("epoch order has \(order.count) entries for \(data.count) examples")
        }
        var seen = [Bool](repeating: false, count: data.count)
        for i in order {
            guard i >= 0, i < data.count, !seen[i] else {
                throw SparseError("epoch order is not a permutation of 0..<\(data.count)")
            }
            seen[i] = true
        }
        let start = DispatchTime.now().uptimeNanoseconds
        var lossSum = 0.0
        var batches = 0
        var correct = 0
        var first = 0
        while first < data.count {
            let real = min(options.batchSize, data.count - first)
            for c in 0..<real {
                let i = order[first + c]
                workspace.sample[c] = Int32(i)
                workspace.label[c] = data.labels[i]
            }
            runBatch(data, real: real)
            var batchLoss = 0.0
            for c in 0..<real {
                batchLoss += Double(workspace.loss[c])
                if workspace.predicted[c] == workspace.label[c] { correct += 1 }
            }
            lossSum += batchLoss / Double(real)
            batches += 1
            first += real
        }
        epochsDone += 1
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
        return SparseEpochStats(
            epoch: epochsDone, meanLoss: lossSum / Double(batches),
            accuracy: Double(correct) / Double(data.count), seconds: seconds)
    }

    /// One epoch in an order drawn from `rng` (``RandomDraws/permutation(count:_:)``).
    public func trainEpoch(
        on data: SparseDataset,
        shuffling rng: inout some RandomNumberGenerator
    ) throws -> SparseEpochStats {
        try trainEpoch(on: data, order: RandomDraws.permutation(count: data.count, &rng))
    }

    /// The passes of one batch, split by samples, then the step, split by units.
    private func runBatch(_ data: SparseDataset, real: Int) {
        let network = network
        let ws = workspace
        network.pass(.dataset(data), ws, pool: pool, real: real,
                     end: .gradients(scale: 1 / Float(real), toInput: false))
        let step = step
        pool.run { t in network.update(ws, real: real, part: t, step: step) }
    }

    private func checkData(_ data: SparseDataset) throws {
        guard data.inputSize == network.source.inputSize else {
            throw SparseError(
                "data has \(data.inputSize) inputs, the model \(network.source.inputSize)")
        }
        try data.check(matches: network.source)
        guard data.classesSeen <= network.classes else {
            throw SparseError(
                "label \(data.classesSeen - 1) is out of range for \(network.classes) classes")
        }
    }

    /// Tiles of each sparse layer's forward, backward and step kernels (0 for dense layers).
    var tileCountsForTesting: [[Int]] {
        network.layers.map { layer in
            guard let sparse = layer as? SparseExecutableLayer else { return [0, 0, 0] }
            let t = sparse.tileCounts
            return [t.forward, t.backward, t.update]
        }
    }

    /// The dense weight matrix of a layer run by dense BLAS (tests check its dropped positions).
    func denseMatrixForTesting(layer l: Int) -> [Float] {
        (network.layers[l] as? DenseExecutableLayer)?.matrix ?? []
    }

    // MARK: checkpoints

    /// Everything needed to continue training bit for bit: the model, the momentum buffers (in
    /// the stored order of each layer) and the number of epochs done.
    public func snapshot() -> SparseTrainingSnapshot {
        let model = model
        let v = zip(network.layers, model.layers).map { $0.velocities(like: $1) }
        return SparseTrainingSnapshot(
            model: model, weightVelocities: v.map(\.weights),
            biasVelocities: v.map(\.bias), epochsDone: epochsDone)
    }

    /// A trainer that continues from a snapshot.
    public convenience init(
        resuming snapshot: SparseTrainingSnapshot,
        options: SparseTrainingOptions = SparseTrainingOptions()
    ) throws {
        try self.init(model: snapshot.model, options: options)
        let layers = snapshot.model.layers
        guard snapshot.weightVelocities.count == layers.count,
            snapshot.biasVelocities.count == layers.count,
            zip(layers, snapshot.weightVelocities).allSatisfy({ $0.kept == $1.count }),
            zip(layers, snapshot.biasVelocities).allSatisfy({ $0.fanOut == $1.count })
        else {
            throw SparseError("snapshot momentum buffers do not match its model")
        }
        for l in layers.indices {
            network.layers[l].setVelocities(
                weights: snapshot.weightVelocities[l],
                bias: snapshot.biasVelocities[l])
        }
        epochsDone = snapshot.epochsDone
    }
}

/// A training checkpoint (see ``SparseTrainer/snapshot()``).
public struct SparseTrainingSnapshot: Sendable, Equatable {
    public let model: SparseMLP
    public let weightVelocities: [[Float]]
    public let biasVelocities: [[Float]]
    public let epochsDone: Int

    public init(
        model: SparseMLP, weightVelocities: [[Float]], biasVelocities: [[Float]],
        epochsDone: Int
    ) {
        self.model = model
        self.weightVelocities = weightVelocities
        self.biasVelocities = biasVelocities
        self.epochsDone = epochsDone
    }
}
