import ReproSupport
import Foundation
import ReproData
import ReproExperiments
import ReproNN

/// Paper 1's trainer: every model that shares a (pair, seed) trains in one batch on that pair's
/// balanced, shuffled 80 % split, then is scored on the held-out 20 %.
public struct BinaryBatchTrainer: ModelTrainer {
    public init() {}

    public func groupKey(_ spec: ModelSpec) -> String {
        "\(spec.pair.slug)|\(spec.seed)|\(spec.epochs)|\(spec.precision.rawValue)|\(spec.data)"
            + "|\(spec.rng ?? "")"
    }

    public func epochBudget(_ members: [ModelSpec]) -> Int { members.first?.epochs ?? 0 }

    public func describe(_ members: [ModelSpec]) -> String {
        guard let first = members.first else { return "" }
        return "pair \(first.pair) seed \(first.seed)"
    }

    /// Rows of the largest pair's data, both splits (MNIST's two most frequent digits, 1 and 7:
    /// 6742 + 6265): a bound for any pair.
    static let largestPairRows = 13_007

    /// The features as Float64 and in the trainer's precision; per hidden unit, the first-layer
    /// weights (trainer, packed copy, Float64 result) and the activations and their gradient over
    /// all rows; per model, its logits, deltas and probabilities.
    public func estimatedBytes(_ members: [ModelSpec]) -> Int {
        guard let first = members.first else { return 0 }
        let t = first.precision == .float64 ? 8 : 4
        let n = Self.largestPairRows, d = first.layers[0], m = members.count
        let h = members.map(\.hidden).reduce(0, +)
        return (8 + t) * n * d + (2 * t + 8) * d * h + 2 * t * n * h + (2 * t + 8) * m * n
    }

    public var smallerBatches: String {
        "a batch holds one (pair, seed)'s sizes × learning rates: give fewer --sizes or --lrs per run"
    }

    public func train(_ members: [ModelSpec], data: DataSource,
                      onEpoch: @escaping (Int) -> Void) throws -> [TrainedResult] {
        guard let first = members.first else { return [] }
        let replay = first.rng != nil
        let task = try BinaryTask.make(mnist: try data.mnist(), pair: first.pair, seed: first.seed,
                                       replay: replay)
        let trainSet = TrainingSet(task.train, replay: replay)
        let heldOutSet = TrainingSet(task.heldOut, replay: replay)
        let initial = try Self.initialParameters(members, inputs: trainSet.inputs)
        let slots = zip(members, initial).map {
            ModelSlot(initial: $1, learningRate: $0.learningRate)
        }
        let started = Date()
        let trained = Training.train(slots, on: trainSet, epochs: first.epochs,
                                     precision: first.precision, onEpoch: onEpoch)
        let seconds = Date().timeIntervalSince(started)
        let heldOut = Training.evaluate(trained.map(\.parameters), on: heldOutSet,
                                        precision: first.precision)
        return members.enumerated().map { k, spec in
            let record = ModelRecord(key: spec.key, spec: spec, history: trained[k].history,
                                     evaluation: heldOut[k].named, trainCount: trainSet.count,
                                     evaluationCount: heldOutSet.count, batchSize: members.count,
                                     batchSeconds: seconds)
            return TrainedResult(record: record, weights: trained[k].parameters.layers)
        }
    }

    /// Every member's starting weights: from its own named stream, or all of a replayed batch
    /// drawn up front from the published code's seeded stream, in that code's order.
    static func initialParameters(_ members: [ModelSpec], inputs: Int) throws -> [MLPParameters] {
        guard let first = members.first, let rng = first.rng else {
            return members.map { $0.initialParameters(inputs: inputs) }
        }
        guard let scheme = first.replay else {
            throw ReproError("unknown random source '\(rng)' in a stored spec; "
                             + "choose one of \(ReplayScheme.allCases.map(\.rawValue))")
        }
        let wanted = members.map {
            scheme.slot(pair: $0.pair, hidden: $0.hidden, learningRate: $0.learningRate)
        }
        return try ReplayedInitialWeights.draw(seed: first.seed, scheme: scheme, wanted: wanted,
                                               inputs: inputs,
                                               scale: first.initialization.scale ?? 0.1)
    }
}
