import Foundation
import ReproData
import ReproNN
import ReproSupport

/// What every analysis of trained models needs: the runner (to train missing models), the cache,
/// and lazily loaded data with each (pair, seed) task built once.
public final class StudyContext {
    public let runner: ExperimentRunner
    public let cache: AnalysisCache
    /// The base plan the studies follow (epochs, seeds, learning rate): the paper's or the quick one.
    public let base: ExperimentPlan
    private var mnist: MNIST?
    private var tasks: [String: BinaryTask] = [:]

    public init(runner: ExperimentRunner, base: ExperimentPlan) {
        self.runner = runner
        self.cache = AnalysisCache(store: runner.store)
        self.base = base
    }

    /// A plan like the base one for these pairs, sizes and seeds (lr 0.03).
    public func plan(_ name: String, pairs: [DigitPair], sizes: [Int], seeds: [Int]? = nil) -> ExperimentPlan {
        ExperimentPlan(experiment: name, pairs: pairs, hiddenSizes: sizes, seeds: seeds ?? base.seeds,
                       learningRates: [ExperimentPlan.paperLearningRate], epochs: base.epochs, precision: base.precision)
    }

    /// The spec of one trained model under the base plan's settings.
    public func spec(_ pair: DigitPair, hidden: Int, seed: Int) -> ModelSpec {
        ModelSpec(pair: pair, seed: seed, hidden: hidden, learningRate: ExperimentPlan.paperLearningRate,
                  epochs: base.epochs, precision: base.precision, data: runner.dataHash)
    }

    /// Trains (if needed) and loads the weights of one model.
    public func model(_ pair: DigitPair, hidden: Int, seed: Int) throws -> MLPParameters {
        try ensure([(pair, hidden, seed)])
        return try runner.store.weights(spec(pair, hidden: hidden, seed: seed).key)
    }

    /// Trains, in as few batches as possible, whichever of these (pair, hidden, seed) models are missing.
    public func ensure(_ models: [(pair: DigitPair, hidden: Int, seed: Int)]) throws {
        let missing = models.filter { !runner.store.hasModel(spec($0.pair, hidden: $0.hidden, seed: $0.seed).key) }
        for (pair, members) in Dictionary(grouping: missing, by: \.pair).sorted(by: { $0.key < $1.key }) {
            for (seed, same) in Dictionary(grouping: members, by: \.seed).sorted(by: { $0.key < $1.key }) {
                try runner.run(plan("models", pairs: [pair], sizes: Array(Set(same.map(\.hidden))).sorted(), seeds: [seed]))
            }
        }
    }

    public func task(_ pair: DigitPair, seed: Int) throws -> BinaryTask {
        if let task = tasks["\(pair.slug)/\(seed)"] { return task }
        if mnist == nil { mnist = try runner.loadData() }
        let task = try BinaryTask(mnist: mnist!, pair: pair, seed: seed)
        tasks["\(pair.slug)/\(seed)"] = task
        return task
    }

    /// The held-out part of a task as a training set (features in [0, 1]).
    public func heldOut(_ pair: DigitPair, seed: Int) throws -> TrainingSet {
        let t = try task(pair, seed: seed)
        return TrainingSet(features: t.heldOut.features(), labels: t.heldOut.labels, inputs: t.heldOut.pixelsPerImage)
    }
}
