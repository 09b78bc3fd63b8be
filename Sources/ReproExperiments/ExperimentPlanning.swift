import Foundation
import ReproData
import ReproNN
import ReproNetwork
import ReproSupport

/// A named set of models to train: a paper's experiment (or a profile of it) with its options
/// applied. The plan's hash names its run manifest.
public protocol ExperimentPlanning: Encodable {
    var experiment: String { get }
    /// Every model of the plan, in a fixed order.
    func specs(data: String) -> [ModelSpec]
    /// Checks the plan before any work starts; the message names the offending option.
    func validate() throws
    /// The command that computes the plan, for messages (`repro run <experiment>` by default).
    var runCommand: String { get }
    /// The CIFAR data set its networks train on; nil (the default) for MNIST.
    var dataset: CIFARDataset? { get }
}

extension ExperimentPlanning {
    public var dataset: CIFARDataset? { nil }
    public var key: String { (try? StableHash.key(self)) ?? "invalid" }
    public var runCommand: String { "repro run \(experiment)" }
}

/// Trains models: the paper-specific part of running a plan. The runner does the rest (what is
/// missing, sharding, progress, storing, manifests).
public protocol ModelTrainer {
    /// Models with the same group key are trained together, in one batch.
    func groupKey(_ spec: ModelSpec) -> String
    /// The most epochs a batch can take (for the progress bar).
    func epochBudget(_ members: [ModelSpec]) -> Int
    /// A short name for a batch, for progress lines.
    func describe(_ members: [ModelSpec]) -> String
    /// Trains one batch and returns each member's record and weights, in member order.
    func train(_ members: [ModelSpec], data: DataSource,
               onEpoch: @escaping (Int) -> Void) throws -> [TrainedResult]
    /// A derived model (``ModelSpec/derivation``) whose source is already stored: computed from
    /// the source's stored record and weights (read from `store`), without training. Trainers
    /// whose plans derive no models keep the default, which refuses.
    func derive(_ spec: ModelSpec, from source: ModelRecord, store: ResultStore,
                data: DataSource) throws -> TrainedResult
    /// About how many bytes training this batch holds at its peak (data, weights, activations,
    /// results), so a batch that cannot fit is refused before any training; 0 when unknown.
    func estimatedBytes(_ members: [ModelSpec]) -> Int
    /// How to make batches smaller (the plan options that do it), for the message that refuses
    /// one.
    var smallerBatches: String { get }
    /// How many batches one process trains at once (each on its own thread); 1 by default.
    var concurrentBatches: Int { get }
    /// About how long the batch takes, in any unit shared by the trainer's batches: batches
    /// trained at once start longest first, so the last ones to finish are short. Its epoch
    /// budget by default.
    func relativeCost(_ members: [ModelSpec]) -> Double
}

extension ModelTrainer {
    public func derive(_ spec: ModelSpec, from source: ModelRecord, store: ResultStore,
                       data: DataSource) throws -> TrainedResult {
        throw ReproError("this trainer cannot derive \(spec.key) from a stored model")
    }

    public func estimatedBytes(_ members: [ModelSpec]) -> Int { 0 }
    public var concurrentBatches: Int { 1 }
    public var smallerBatches: String { "train fewer models per run" }
    public func relativeCost(_ members: [ModelSpec]) -> Double { Double(epochBudget(members)) }
}

/// What a trainer hands back for one model.
public struct TrainedResult: Sendable {
    public var record: ModelRecord
    public var weights: StoredWeights

    /// A chain of dense layers, stored in the version 2 format (as every MLP always was).
    public init(record: ModelRecord, weights: [ReproNN.LayerWeights]) {
        self.record = record
        self.weights = .layers(weights)
    }

    /// Named tensors of any rank (conv weights, batch-norm statistics), version 3.
    public init(record: ModelRecord, tensors: NamedTensors) {
        self.record = record
        self.weights = .tensors(tensors)
    }
}

/// What a trained network stores beside its record.
public enum StoredWeights: Sendable {
    case layers([ReproNN.LayerWeights])
    case tensors(NamedTensors)

    public var encoded: Data {
        switch self {
        case .layers(let layers): return WeightFile.encode(layers)
        case .tensors(let tensors): return TensorFile.encode(tensors)
        }
    }
}
