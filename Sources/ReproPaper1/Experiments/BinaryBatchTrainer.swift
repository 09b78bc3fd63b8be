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
    }

    public func epochBudget(_ members: [ModelSpec]) -> Int { members.first?.epochs ?? 0 }

    public func describe(_ members: [ModelSpec]) -> String {
        guard let first = members.first else { return "" }
        return "pair \(first.pair) seed \(first.seed)"
    }

    public func train(_ members: [ModelSpec], data: DataSource,
                      onEpoch: @escaping (Int) -> Void) throws -> [TrainedResult] {
        guard let first = members.first else { return [] }
        let task = try BinaryTask(mnist: try data.mnist(), pair: first.pair, seed: first.seed)
        let trainSet = TrainingSet(task.train), heldOutSet = TrainingSet(task.heldOut)
        let slots = members.map {
            ModelSlot(initial: $0.initialParameters(inputs: trainSet.inputs), learningRate: $0.learningRate)
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
}
