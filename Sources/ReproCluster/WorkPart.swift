import Foundation
import ReproExperiments
import ReproSupport

/// One shardable part of a report's work: a plan's training, or a set of evaluations. Its units
/// (batches of networks, or networks to evaluate) have a fixed order; shard `i/n` owns the units
/// at positions `p` with `p % n == i`, whatever is already done, so a resubmission cuts the same
/// shards.
public protocol WorkPart {
    var paper: String { get }
    /// What `repro status` calls it ("lr-grid", "robustness").
    var name: String { get }
    /// "networks" or "evaluations".
    var unit: String { get }
    /// Each unit's state, owner position and remaining cost; reads only what is stored.
    func progress(_ runner: ExperimentRunner) -> [UnitProgress]
    /// Computes what shard `shard` owns and the store lacks; returns a one-line summary.
    func run(_ shard: Shard, runner: ExperimentRunner, threads: Int,
             log: @escaping (String) -> Void) throws -> String
}

/// Where one unit of a part stands.
public struct UnitProgress: Sendable, Equatable {
    public var position: Int
    public var state: ExperimentRunner.BatchState
    /// Networks (or evaluated networks) the unit holds, and how many of them are not stored.
    public var count: Int
    public var missing: Int
    /// Estimated core-seconds still to spend on it (0 once stored).
    public var remainingSeconds: Double

    public init(position: Int, state: ExperimentRunner.BatchState, count: Int, missing: Int,
                remainingSeconds: Double) {
        self.position = position
        self.state = state
        self.count = count
        self.missing = missing
        self.remainingSeconds = remainingSeconds
    }
}

/// A part's totals, as a row of `repro status`.
public struct PartSummary: Sendable, Equatable {
    public var paper: String
    public var name: String
    public var unit: String
    public var stored = 0
    public var claimed = 0
    public var missing = 0
    public var remainingSeconds = 0.0
    public var totalSeconds = 0.0

    public init(_ part: some WorkPart, progress: [UnitProgress]) {
        paper = part.paper
        name = part.name
        unit = part.unit
        for u in progress {
            switch u.state {
            case .stored: stored += u.count
            case .claimed: claimed += u.missing; stored += u.count - u.missing
            case .missing: missing += u.missing; stored += u.count - u.missing
            }
            remainingSeconds += u.remainingSeconds
        }
    }

    public var total: Int { stored + claimed + missing }
}

/// Training one plan with its trainer, sharded by batch (the runner's own cut).
public struct TrainingPart<Plan: ExperimentPlanning, Trainer: ModelTrainer>: WorkPart {
    public let paper: String
    public let name: String
    public let plan: Plan
    public let trainer: Trainer
    public var unit: String { "networks" }

    public init(paper: String, name: String, plan: Plan, trainer: Trainer) {
        self.paper = paper
        self.name = name
        self.plan = plan
        self.trainer = trainer
    }

    public func progress(_ runner: ExperimentRunner) -> [UnitProgress] {
        runner.progress(plan, trainer: trainer).map { batch in
            UnitProgress(position: batch.position, state: batch.state, count: batch.members.count,
                         missing: batch.missing.count,
                         remainingSeconds: batch.missing.map {
                             CostModel.training($0, epochs: Self.twinEpochs($0, store: runner.store))
                         }.reduce(0, +))
        }
    }

    /// How many epochs the same network of another seed trained, if one is stored (paper 2's
    /// stopping rule ends training at a loss, which takes about as long for every seed).
    static func twinEpochs(_ spec: ModelSpec, store: ResultStore) -> Int? {
        guard spec.task.pair == nil, spec.derivation == nil else { return nil }
        for seed in 0..<10 where seed != spec.seed {
            var twin = spec
            twin.seed = seed
            let url = store.root.appendingPathComponent("models/\(twin.key).json")
            guard FileManager.default.fileExists(atPath: url.path),
                  let record = try? store.model(twin.key) else { continue }
            return record.history.epochs
        }
        return nil
    }

    public func run(_ shard: Shard, runner: ExperimentRunner, threads: Int,
                    log: @escaping (String) -> Void) throws -> String {
        var runner = runner
        runner.showProgress = false
        return try runner.run(plan, trainer: trainer, shard: shard).line(name)
    }
}
