import Foundation
import ReproData
import ReproNN
import ReproSupport

/// Trains what a plan needs and the store lacks, batch by batch (one batch per pair × seed), and
/// stores each model as soon as its batch ends. A killed run loses at most the batch in flight.
public struct ExperimentRunner {
    public let store: ResultStore
    /// Loads verified MNIST; called only if something must be trained.
    public let loadData: () throws -> MNIST
    /// SHA-256 of the training images `loadData` returns.
    public let dataHash: String
    public var showProgress: Bool = true

    public init(store: ResultStore, dataHash: String = MNISTFile.trainImages.sha256, loadData: @escaping () throws -> MNIST) {
        self.store = store
        self.dataHash = dataHash
        self.loadData = loadData
    }

    public struct Summary: Equatable, Sendable {
        public var trained: Int
        public var cached: Int
        public var seconds: Double
        public var complete: Bool
    }

    /// Runs the plan (or this shard of it) and returns what was trained and what was reused.
    @discardableResult
    public func run(_ plan: ExperimentPlan, shard: Shard? = nil) throws -> Summary {
        try plan.validate()
        let specs = plan.specs(data: dataHash)
        let missing = specs.filter { !store.hasModel($0.key) }
        // Shards are cut from the plan's full list of batches, so they stay fixed however much is done.
        let groups = Dictionary(grouping: specs, by: \.group).sorted { $0.key < $1.key }
            .enumerated().filter { shard?.includes($0.offset) ?? true }
            .map { ($0.element.key, $0.element.value.filter { !store.hasModel($0.key) }) }
            .filter { !$0.1.isEmpty }
        let start = Date()
        if !groups.isEmpty {
            let mnist = try loadData()
            let progress = Progress(label: plan.experiment, total: groups.reduce(0) { $0 + $1.0.epochs })
            for (group, members) in groups {
                let epochsBefore = Date()
                try train(group: group, members: members, mnist: mnist) { epoch in
                    if self.showProgress {
                        progress.advance(detail: epoch == group.epochs ? "\(group) (\(members.count) models, \(String(format: "%.1f", Date().timeIntervalSince(epochsBefore))) s)" : "")
                    }
                }
            }
        }
        let complete = specs.allSatisfy { store.hasModel($0.key) }
        if complete {
            let seconds = try Set(specs.map(\.key)).reduce(into: [String: Double]()) { perBatch, key in
                let record = try store.model(key)
                perBatch["\(record.spec.group)|\(record.batchSeconds)"] = record.batchSeconds
            }.values.reduce(0, +)
            try store.saveRun(RunManifest(experiment: plan.experiment, planKey: plan.key, plan: plan,
                                          modelKeys: specs.map(\.key), computeSeconds: seconds))
        }
        let trained = groups.reduce(0) { $0 + $1.1.count }
        return Summary(trained: trained, cached: specs.count - missing.count, seconds: Date().timeIntervalSince(start), complete: complete)
    }

    private func train(group: GroupKey, members: [ModelSpec], mnist: MNIST, onEpoch: @escaping (Int) -> Void) throws {
        let task = try BinaryTask(mnist: mnist, pair: group.pair, seed: group.seed)
        let trainSet = TrainingSet(features: task.train.features(), labels: task.train.labels, inputs: task.train.pixelsPerImage)
        let heldOutSet = TrainingSet(features: task.heldOut.features(), labels: task.heldOut.labels, inputs: task.heldOut.pixelsPerImage)
        let slots = members.map { ModelSlot(initial: $0.initialParameters(inputs: trainSet.inputs), learningRate: $0.learningRate) }
        let started = Date()
        let trained = Training.train(slots, on: trainSet, epochs: group.epochs, precision: group.precision, onEpoch: onEpoch)
        let seconds = Date().timeIntervalSince(started)
        let heldOut = Training.evaluate(trained.map(\.parameters), on: heldOutSet, precision: group.precision)
        for (k, spec) in members.enumerated() {
            let record = ModelRecord(key: spec.key, spec: spec, history: trained[k].history, heldOut: heldOut[k],
                                     trainCount: trainSet.count, heldOutCount: heldOutSet.count,
                                     batchSize: members.count, batchSeconds: seconds)
            try store.save(record, weights: trained[k].parameters)
        }
    }

    /// The stored records of a plan, in plan order; an error names the command that fills the gap.
    public func records(_ plan: ExperimentPlan) throws -> [ModelRecord] {
        let specs = plan.specs(data: dataHash)
        let missing = specs.filter { !store.hasModel($0.key) }.count
        guard missing == 0 else {
            throw ReproError("\(missing) of \(specs.count) \(plan.experiment) results are not computed yet; run `repro run \(plan.experiment)` with the same options first")
        }
        return try specs.map { try store.model($0.key) }
    }
}
