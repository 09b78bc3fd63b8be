import Foundation
import ReproExperiments
import ReproNN
import ReproSparse
import ReproSupport

/// Paper 2's trainer: mini-batch SGD with momentum until the stopping rule, then scored on the
/// test split. Two seeds of one size share a batch and train side by side, one core each (the
/// engine's measured best use of two cores for a family); a batch with one network gives it both
/// cores. A pruned network shares the batch of the dense network it comes from and is computed
/// right after it.
public struct SparseNetworkTrainer: ModelTrainer {
    public var threads: Int

    public init(threads: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)) {
        self.threads = threads
    }

    /// Same shape and schedule, seeds paired (0–1, 2–3, 4); a pruned spec keeps its source's
    /// dense shape, so it lands in its source's batch.
    public func groupKey(_ spec: ModelSpec) -> String {
        let o = spec.optimizer
        return "\(spec.layers)|\(spec.derivation == nil ? (spec.mask ?? []) : [])|"
            + "\(o.learningRate)|"
            + "\(o.batchSize ?? 0)|\(o.epochs)|\(spec.data)|\(spec.seed / 2)" + readingKey(spec)
    }

    /// What sets a variant's network apart from the default's of the same shape (empty for the
    /// default reading), so the two never share a batch.
    func readingKey(_ spec: ModelSpec) -> String {
        var parts: [String] = []
        if spec.initialization.kind != "uniform-fan-in" { parts.append(spec.initialization.kind) }
        if !spec.normalisesInput { parts.append("raw") }
        if !spec.hasBiases { parts.append("no-bias") }
        return parts.isEmpty ? "" : "|" + parts.joined(separator: ",")
    }

    public func epochBudget(_ members: [ModelSpec]) -> Int {
        members.filter { !$0.isPruned }.map(\.optimizer.epochs).reduce(0, +)
    }

    public func describe(_ members: [ModelSpec]) -> String {
        guard let spec = members.first else { return "" }
        return "\(spec.depth > 1 ? "depth \(spec.depth)" : "width \(spec.width)") seed \(spec.seed)"
    }

    /// The data set as Float32 (``Paper2Input/floatBytes``); per trained network, each kept
    /// weight's value, momentum, gradient and index, and its Float64 stored copy with index, and
    /// each unit's activations and gradients over a (padded) mini-batch; per pruned network, its
    /// stored copy.
    public func estimatedBytes(_ members: [ModelSpec]) -> Int {
        return members.reduce(members.first?.input.floatBytes ?? 0) { total, spec in
            let kept = spec.keptPerLayer.reduce(0, +)
            guard !spec.isPruned else { return total + 12 * kept }
            let units = spec.layers.dropFirst().reduce(0, +)
            let rows = (spec.optimizer.batchSize ?? 128) + 16
            return total + 28 * kept + 16 * rows * units
        }
    }

    public var smallerBatches: String {
        "a batch holds two seeds of one network: give smaller --widths (or fewer --depths, or "
            + "a smaller --batch-size, whose activations every network holds)"
    }

    public func train(_ members: [ModelSpec], data: DataSource,
                      onEpoch: @escaping (Int) -> Void) throws -> [TrainedResult] {
        let sets = try Paper2Datasets.of(data, for: members[0])
        let roots = members.filter { !$0.isPruned }
        let counter = EpochCounter(report: onEpoch)
        let perModel = roots.count > 1 ? 1 : threads
        let trained = try SparseConcurrency.runSideBySide(roots.count,
                                                          threads: min(threads, roots.count)) { k in
            try self.train(roots[k], sets: sets, threads: perModel, counter: counter)
        }
        var results: [TrainedResult] = []
        for (spec, (model, history, seconds)) in zip(roots, trained) {
            results.append(try result(spec, model, history, sets, batch: members.count,
                                      seconds: seconds))
            for derived in members where derived.derivation?.source == spec.key {
                results.append(try pruned(derived, from: model, sets: sets, batch: members.count))
            }
        }
        return results
    }

    /// A pruned network whose dense source is already stored (trained by another family, or
    /// before an interruption): pruned from the stored weights, which are the trained ones exactly.
    public func derive(_ spec: ModelSpec, from source: ModelRecord, store: ResultStore,
                       data: DataSource) throws -> TrainedResult {
        let model = try SparseMLP(storedLayers: try store.weights(source.key))
            .normalising(spec.sparseNormalisation)
        return try pruned(spec, from: model, sets: try Paper2Datasets.of(data, for: spec), batch: 1)
    }

    func pruned(_ spec: ModelSpec, from model: SparseMLP, sets: Paper2Datasets,
                batch: Int) throws -> TrainedResult {
        let pruned = try ReproSparse.MagnitudePruning.prune(model, keep: spec.keptPerLayer)
        let note = TrainingHistory(stop: "pruned by magnitude after training (no fine-tuning)")
        return try result(spec, pruned, note, sets, batch: batch, seconds: 0)
    }

    /// Trains one network to the stopping rule; returns it, its history and its wall time.
    func train(_ spec: ModelSpec, sets: Paper2Datasets, threads: Int,
               counter: EpochCounter) throws -> (SparseMLP, TrainingHistory, Double) {
        let started = Date()
        var options = options(spec)
        options.threads = threads
        let trainer = try SparseTrainer(model: try Self.initialModel(spec), options: options)
        let outcome = try trainer.train(
            on: sets.train, maxEpochs: spec.optimizer.epochs,
            lossThreshold: spec.optimizer.stopLoss ?? 0,
            order: { epoch in Self.order(seed: spec.seed, epoch: epoch, count: sets.train.count) },
            onEpoch: { _, _ in counter.add(1) })
        counter.add(spec.optimizer.epochs - outcome.epochs.count)   // an early stop fills its share
        var history = TrainingHistory(stop: TrainingHistory.stopReason(
            losses: outcome.epochs.map(\.meanLoss),
            belowThreshold: outcome.stopReason == .lossBelowThreshold,
            threshold: spec.optimizer.stopLoss ?? 0))
        for e in outcome.epochs { history.append(["loss": e.meanLoss, "accuracy": e.accuracy]) }
        return (trainer.model, history, Date().timeIntervalSince(started))
    }

    func options(_ spec: ModelSpec) -> SparseTrainingOptions {
        SparseTrainingOptions(batchSize: spec.optimizer.batchSize ?? 128,
                              learningRate: spec.optimizer.learningRate,
                              momentum: spec.optimizer.momentum ?? 0.9, threads: threads,
                              trainsBiases: spec.hasBiases)
    }

    func result(_ spec: ModelSpec, _ model: SparseMLP, _ history: TrainingHistory,
                _ sets: Paper2Datasets, batch: Int, seconds: Double) throws -> TrainedResult {
        let test = try SparseInference(model: model, threads: 1).evaluate(sets.test)
        let record = ModelRecord(key: spec.key, spec: spec, history: history,
                                 evaluation: ["accuracy": test.accuracy, "loss": test.meanLoss,
                                              "minClassRecall": test.minimumRecall],
                                 perClassRecall: test.perClassRecall, trainCount: sets.train.count,
                                 evaluationCount: sets.test.count, batchSize: batch,
                                 batchSeconds: seconds)
        return TrainedResult(record: record, weights: model.storedLayers)
    }

    /// The network before training: per layer, its mask from (seed, "mask", layer, shape) and
    /// its values from (seed, "init", layer, shape), so no network depends on another's draws;
    /// the distribution, the biases and the input normalisation as the spec says.
    static func initialModel(_ spec: ModelSpec) throws -> SparseMLP {
        let distribution = try Self.distribution(spec.initialization)
        let layers = try (0..<(spec.layers.count - 1)).map { l -> SparseLayer in
            let shape = try SparseLayerShape(fanIn: spec.layers[l], fanOut: spec.layers[l + 1],
                                             kept: spec.keptPerLayer[l])
            var mask = RandomStream(seed: spec.seed, "mask", "layer=\(l)", "\(shape)")
            var values = RandomStream(seed: spec.seed, "init", "layer=\(l)", "\(shape)")
            return try SparseLayer.random(shape: shape, mask: &mask, initialisation: &values,
                                          distribution: distribution, biases: spec.hasBiases)
        }
        return try SparseMLP(layers: layers, normalisation: spec.sparseNormalisation)
    }

    /// The engine's distribution of an initialisation kind of paper 2's specs.
    static func distribution(_ initialization: Initialization) throws -> InitialDistribution {
        switch initialization.kind {
        case "uniform-fan-in": return .uniform
        case "normal-fan-in": return .normalMatchingUniform
        default:
            throw ReproError("paper 2's trainer has no initialisation '\(initialization.kind)'")
        }
    }

    /// The order of one epoch's examples, from (seed, "order", epoch): the same for every
    /// network of a seed, so widths are compared on the same sequence of batches.
    static func order(seed: Int, epoch: Int, count: Int) -> [Int] {
        var rng = RandomStream(seed: seed, "order", "epoch=\(epoch)")
        var order = Array(0..<count)
        rng.shuffle(&order)
        return order
    }
}

/// Epochs done by the networks of one batch, reported in order from whichever thread finishes one.
final class EpochCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let report: (Int) -> Void

    init(report: @escaping (Int) -> Void) { self.report = report }

    func add(_ epochs: Int) {
        lock.lock(); defer { lock.unlock() }
        done += epochs
        report(done)
    }
}
