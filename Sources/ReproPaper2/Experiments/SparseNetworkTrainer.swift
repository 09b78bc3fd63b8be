import Foundation
import ReproExperiments
import ReproNN
import ReproSparse
import ReproSupport

/// Paper 2's trainer: each network alone (both cores inside its kernels), mini-batch SGD with
/// momentum until the stopping rule, then scored on the test split. A pruned network shares the
/// batch of the dense network it comes from and is computed right after it.
public struct SparseNetworkTrainer: ModelTrainer {
    public var threads: Int

    public init(threads: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)) {
        self.threads = threads
    }

    public func groupKey(_ spec: ModelSpec) -> String { spec.derivation?.source ?? spec.key }

    public func epochBudget(_ members: [ModelSpec]) -> Int {
        members.filter { !$0.isPruned }.map(\.optimizer.epochs).reduce(0, +)
    }

    public func describe(_ members: [ModelSpec]) -> String {
        guard let spec = members.first else { return "" }
        return "\(spec.depth > 1 ? "depth \(spec.depth)" : "width \(spec.width)") seed \(spec.seed)"
    }

    public func train(_ members: [ModelSpec], data: DataSource,
                      onEpoch: @escaping (Int) -> Void) throws -> [TrainedResult] {
        let sets = try Paper2Datasets.of(data)
        var results: [TrainedResult] = []
        for spec in members where !spec.isPruned {
            let started = Date()
            let trainer = try SparseTrainer(model: try Self.initialModel(spec), options: options(spec))
            let outcome = try trainer.train(
                on: sets.train, maxEpochs: spec.optimizer.epochs, lossThreshold: spec.optimizer.stopLoss ?? 0,
                order: { epoch in Self.order(seed: spec.seed, epoch: epoch, count: sets.train.count) },
                onEpoch: { stats, _ in onEpoch(stats.epoch) })
            let seconds = Date().timeIntervalSince(started)
            let model = trainer.model
            var history = TrainingHistory(stop: outcome.stopReason == .lossBelowThreshold
                                          ? "loss below \(spec.optimizer.stopLoss ?? 0)" : "max epochs")
            for e in outcome.epochs { history.append(["loss": e.meanLoss, "accuracy": e.accuracy]) }
            results.append(try result(spec, model, history, sets, batch: members.count, seconds: seconds))
            for derived in members where derived.derivation?.source == spec.key {
                let pruned = try ReproSparse.MagnitudePruning.prune(model, keep: derived.keptPerLayer)
                let note = TrainingHistory(stop: "pruned by magnitude after training (no fine-tuning)")
                results.append(try result(derived, pruned, note, sets, batch: members.count, seconds: 0))
            }
        }
        return results
    }

    func options(_ spec: ModelSpec) -> SparseTrainingOptions {
        SparseTrainingOptions(batchSize: spec.optimizer.batchSize ?? 128,
                              learningRate: spec.optimizer.learningRate,
                              momentum: spec.optimizer.momentum ?? 0.9, threads: threads)
    }

    func result(_ spec: ModelSpec, _ model: SparseMLP, _ history: TrainingHistory, _ sets: Paper2Datasets,
                batch: Int, seconds: Double) throws -> TrainedResult {
        let test = try SparseInference(model: model, threads: threads).evaluate(sets.test)
        let record = ModelRecord(key: spec.key, spec: spec, history: history,
                                 evaluation: ["accuracy": test.accuracy, "loss": test.meanLoss,
                                              "minClassRecall": test.minimumRecall],
                                 perClassRecall: test.perClassRecall, trainCount: sets.train.count,
                                 evaluationCount: sets.test.count, batchSize: batch, batchSeconds: seconds)
        return TrainedResult(record: record, weights: model.storedLayers)
    }

    /// The network before training: per layer, its mask from (seed, "mask", layer, shape) and
    /// its values from (seed, "init", layer, shape), so no network depends on another's draws.
    static func initialModel(_ spec: ModelSpec) throws -> SparseMLP {
        let layers = try (0..<(spec.layers.count - 1)).map { l -> SparseLayer in
            let shape = try SparseLayerShape(fanIn: spec.layers[l], fanOut: spec.layers[l + 1],
                                             kept: spec.keptPerLayer[l])
            var mask = RandomStream(seed: spec.seed, "mask", "layer=\(l)", "\(shape)")
            var values = RandomStream(seed: spec.seed, "init", "layer=\(l)", "\(shape)")
            return try SparseLayer.random(shape: shape, mask: &mask, initialisation: &values)
        }
        return try SparseMLP(layers: layers)
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
