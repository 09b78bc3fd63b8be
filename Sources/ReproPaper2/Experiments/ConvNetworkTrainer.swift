import Foundation
import ReproConv
import ReproExperiments
import ReproNN
import ReproNetwork
import ReproSparse
import ReproSupport

/// Paper 2's trainer for its convolutional networks: one network per batch (with the pruned
/// copies derived from it), two batches at once on their own threads (the engine's bits depend
/// on how a mini-batch is split over threads, so every network is trained on exactly one,
/// whatever the machine: one key, one result), each to the stopping rule, then scored on the
/// test split. The runner hands the next network to whichever thread is free, so three seeds
/// keep both cores busy. Everything runs with OpenBLAS on one thread (its only dense product is
/// the classifier): two batches run at once, and a pruned copy scored while the other batch
/// trains would otherwise see one thread or two depending on timing, and its test loss would
/// differ in the last bits between a local run and its Slurm shards. Stores named tensors.
public struct ConvNetworkTrainer: ModelTrainer {
    /// Networks trained at once (side by side); each on one thread.
    public var sideBySide: Int
    /// Where per-epoch checkpoints go (the store's `checkpoints/`); nil: none.
    var checkpoints: ConvCheckpoints?

    public init(sideBySide: Int = max(1, min(2, ProcessInfo.processInfo.activeProcessorCount)),
                store: ResultStore? = nil) {
        self.sideBySide = sideBySide
        checkpoints = store.map(ConvCheckpoints.init)
    }

    /// Each network alone; a pruned spec lands in the batch of the dense network it comes from.
    public func groupKey(_ spec: ModelSpec) -> String {
        var source = spec
        if source.derivation != nil { source.derivation = nil; source.mask = nil }
        return source.key
    }

    public var concurrentBatches: Int { sideBySide }

    public func epochBudget(_ members: [ModelSpec]) -> Int {
        members.filter { !$0.isPruned }.map(\.optimizer.epochs).reduce(0, +)
    }

    /// Estimated core-seconds of each network trained (``Paper2Cost/training(_:epochs:)``); a
    /// pruned copy costs nothing beside its source.
    public func relativeCost(_ members: [ModelSpec]) -> Double {
        members.filter { !$0.isPruned }.reduce(0) { $0 + Paper2Cost.training($1) }
    }

    public func describe(_ members: [ModelSpec]) -> String {
        guard let spec = members.first, let a = spec.architecture else { return "" }
        return "\(a.name) width \(a.width) seed "
            + members.map { "\($0.seed)" }.joined(separator: "+")
    }

    /// The data set as Float32 pixels (``Paper2Input/floatBytes``), and per network its kept weights with
    /// gradients and momentum, and the activations of one mini-batch (each node's output and
    /// its gradient, batch 128).
    public func estimatedBytes(_ members: [ModelSpec]) -> Int {
        return members.reduce(members.first?.input.floatBytes ?? 0) { total, spec in
            guard let a = spec.architecture,
                  let shapes = try? a.outputShapes() else { return total }
            let activations = shapes.reduce(0) { $0 + $1.reduce(1, *) }
            let rows = spec.optimizer.batchSize ?? 128
            return total + 16 * spec.keptPerLayer.reduce(0, +) + 8 * rows * activations
        }
    }

    public func train(_ members: [ModelSpec], data: DataSource,
                      onEpoch: @escaping (Int) -> Void) throws -> [TrainedResult] {
        try CPUFeatures.requireAVX2(for: "training \(describe(members))")
        return try SparseConcurrency.withSingleThreadedBLAS {
            try trainSingleThreaded(members, data: data, onEpoch: onEpoch)
        }
    }

    func trainSingleThreaded(_ members: [ModelSpec], data: DataSource,
                             onEpoch: @escaping (Int) -> Void) throws -> [TrainedResult] {
        let sets = try Paper2Pixels.of(data, dataset: members[0].task.dataset)
        let counter = EpochCounter(report: onEpoch)
        let roots = members.filter { !$0.isPruned }
        let trained = try SparseConcurrency.runSideBySide(roots.count,
                                                          threads: min(sideBySide, roots.count)) { k in
            try self.train(roots[k], sets: sets, counter: counter)
        }
        var results: [TrainedResult] = []
        for (spec, (result, network)) in zip(roots, trained) {
            results.append(result)
            for derived in members where derived.derivation?.source == spec.key {
                results.append(try pruned(derived, from: network, sets: sets))
            }
        }
        return results
    }

    /// A pruned network whose dense source is stored: pruned from the stored tensors, which are
    /// the trained ones exactly.
    public func derive(_ spec: ModelSpec, from source: ModelRecord, store: ResultStore,
                       data: DataSource) throws -> TrainedResult {
        guard let architecture = source.spec.architecture else {
            throw ReproError("\(source.key) has no architecture for the conv engine")
        }
        let network = try ConvNetwork(architecture: architecture,
                                      tensors: try store.tensors(source.key))
        let sets = try Paper2Pixels.of(data, dataset: spec.task.dataset)
        return try SparseConcurrency.withSingleThreadedBLAS {
            try pruned(spec, from: network, sets: sets)
        }
    }

    /// The dense `network` pruned per layer by magnitude to the spec's kept counts, without
    /// fine-tuning, and scored on the test split.
    func pruned(_ spec: ModelSpec, from network: ConvNetwork,
                sets: Paper2Pixels) throws -> TrainedResult {
        let pruned = try network.pruned(keep: spec.keptPerLayer)
        let note = TrainingHistory(stop: "pruned by magnitude after training (no fine-tuning)")
        return try result(spec, pruned, note, sets: sets,
                          trainCount: min(spec.task.trainImages ?? .max, sets.train.count), seconds: 0)
    }

    func options(_ spec: ModelSpec) -> ConvTrainingOptions {
        var o = ConvTrainingOptions()
        o.batchSize = spec.optimizer.batchSize ?? 128
        o.learningRate = spec.optimizer.learningRate
        o.momentum = spec.optimizer.momentum ?? 0.9
        o.maxEpochs = spec.optimizer.epochs
        o.stopBelowLoss = spec.optimizer.stopLoss ?? ModelSpec.convStopLoss
        o.threads = 1
        return o
    }

    func train(_ spec: ModelSpec, sets: Paper2Pixels,
               counter: EpochCounter) throws -> (TrainedResult, ConvNetwork) {
        guard let architecture = spec.architecture else {
            throw ReproError("\(spec.key) has no architecture for the conv engine")
        }
        let started = Date()
        // The spec's kept counts (the uniform rule's, or a reading's such as water-filling).
        let masks = try ConvNetwork.masks(architecture: architecture, kept: spec.keptPerLayer,
                                          seed: spec.seed)
        let resuming = checkpoints?.load(spec.key, architecture: architecture)
        counter.add(resuming?.history.count ?? 0)
        let outcome = try ConvTrainer.train(
            network: try ConvNetwork.initial(architecture: architecture, masks: masks,
                                             seed: spec.seed),
            data: try sets.train.prefix(spec.task.trainImages ?? sets.train.count), seed: spec.seed, options: options(spec), resuming: resuming,
            checkpoint: checkpoints.map { store in { try store.save($0, key: spec.key) } },
            progress: { _ in counter.add(1) })
        defer { checkpoints?.remove(spec.key) }
        counter.add(spec.optimizer.epochs - outcome.history.count)
        var history = TrainingHistory(stop: TrainingHistory.stopReason(
            losses: outcome.history.map(\.meanLoss),
            belowThreshold: outcome.stopReason == .lossBelowThreshold,
            threshold: spec.optimizer.stopLoss ?? 0))
        for e in outcome.history { history.append(["loss": e.meanLoss, "accuracy": e.accuracy]) }
        let result = try result(spec, outcome.network, history, sets: sets,
                                trainCount: min(spec.task.trainImages ?? .max, sets.train.count),
                                seconds: Date().timeIntervalSince(started))
        return (result, outcome.network)
    }

    /// The record of a trained (or pruned) network, scored on the test split (a miniature, one
    /// trained on a subset of the training images, on the first ``Paper2Plan/miniatureTestImages``
    /// test images), and its tensors.
    func result(_ spec: ModelSpec, _ network: ConvNetwork, _ history: TrainingHistory,
                sets: Paper2Pixels, trainCount: Int, seconds: Double) throws -> TrainedResult {
        let scored = spec.task.trainImages == nil
            ? sets.test : try sets.test.prefix(min(sets.test.count, Paper2Plan.miniatureTestImages))
        let test = try network.inference(batchSize: 256, threads: 1).evaluate(scored)
        let record = ModelRecord(key: spec.key, spec: spec, history: history,
                                 evaluation: ["accuracy": test.accuracy, "loss": test.meanLoss,
                                              "minClassRecall": test.minimumRecall],
                                 perClassRecall: test.perClassRecall, trainCount: trainCount,
                                 evaluationCount: scored.count, batchSize: 1,
                                 batchSeconds: seconds)
        return TrainedResult(record: record, tensors: network.tensors)
    }
}
