import Foundation
import ReproData
import ReproExperiments
import ReproNN
import ReproSupport

/// What every analysis of trained models needs: the runner (to train missing models), the cache,
/// and the data, with each (pair, seed) task built once.
public final class StudyContext {
    public let runner: ExperimentRunner
    public let cache: AnalysisCache
    /// The base plan the studies follow (epochs, seeds, learning rate): the paper's or the quick one.
    public let base: Paper1Plan
    private var tasks: [String: BinaryTask] = [:]

    public init(runner: ExperimentRunner, base: Paper1Plan) {
        self.runner = runner
        self.cache = AnalysisCache(store: runner.store)
        self.base = base
    }

    /// A plan like the base one for these pairs, sizes and seeds (lr 0.03).
    public func plan(_ name: String, pairs: [DigitPair], sizes: [Int], seeds: [Int]? = nil) -> Paper1Plan {
        Paper1Plan(experiment: name, pairs: pairs, hiddenSizes: sizes, seeds: seeds ?? base.seeds,
                   learningRates: [Paper1Plan.paperLearningRate], epochs: base.epochs,
                   precision: base.precision, replay: base.replay)
    }

    /// The spec of one trained model under the base plan's settings.
    public func spec(_ pair: DigitPair, hidden: Int, seed: Int) -> ModelSpec {
        ModelSpec(pair: pair, seed: seed, hidden: hidden, learningRate: Paper1Plan.paperLearningRate,
                  epochs: base.epochs, precision: base.precision, data: runner.dataHash,
                  replay: base.replay)
    }

    /// The seed an analysis of one model uses: `preferred` if the profile has it, else the first.
    public func seed(preferring preferred: Int) -> Int {
        base.seeds.contains(preferred) ? preferred : base.seeds[0]
    }

    /// The weights of one model, training it (and only what is missing) first.
    public func trainedModel(_ pair: DigitPair, hidden: Int, seed: Int) throws -> MLPParameters {
        try ensure([(pair, hidden, seed)])
        let key = spec(pair, hidden: hidden, seed: seed).key
        guard let model = MLPParameters(layers: try runner.store.weights(key)) else {
            throw ReproError("stored weights of \(key) are not a 784-h-1 network; delete them to retrain")
        }
        return model
    }

    /// Trains, in as few batches as possible, whichever of these (pair, hidden, seed) models are missing.
    public func ensure(_ models: [(pair: DigitPair, hidden: Int, seed: Int)]) throws {
        let missing = models.filter { !runner.store.hasModel(spec($0.pair, hidden: $0.hidden, seed: $0.seed).key) }
        for (pair, members) in Dictionary(grouping: missing, by: \.pair).sorted(by: { $0.key < $1.key }) {
            for (seed, same) in Dictionary(grouping: members, by: \.seed).sorted(by: { $0.key < $1.key }) {
                let sizes = Array(Set(same.map(\.hidden))).sorted()
                try runner.run(plan("models", pairs: [pair], sizes: sizes, seeds: [seed]),
                               trainer: BinaryBatchTrainer())
            }
        }
    }

    public func task(_ pair: DigitPair, seed: Int) throws -> BinaryTask {
        if let task = tasks["\(pair.slug)/\(seed)"] { return task }
        let task = try BinaryTask.make(mnist: try runner.data.mnist(), pair: pair, seed: seed,
                                       replay: base.replay != nil)
        tasks["\(pair.slug)/\(seed)"] = task
        return task
    }

    /// The held-out part of a task as the trainer's input (features in [0, 1]).
    public func heldOut(_ pair: DigitPair, seed: Int) throws -> TrainingSet {
        TrainingSet(try task(pair, seed: seed).heldOut, replay: base.replay != nil)
    }
}
