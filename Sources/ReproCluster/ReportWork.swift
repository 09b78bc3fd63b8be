import Foundation
import ReproData
import ReproExperiments
import ReproPaper1
import ReproPaper2
import ReproReport
import ReproSupport

/// A report's computations as stages of shardable parts, in the order a local `build-report`
/// would do them where order matters:
///
/// - stage 1: paper 1's learning-rate grid (the paper's seeds and the claims' extra seeds), and
///   paper 2's three families, the batch-size check, the width family's extra seeds of
///   `--seeds N` and the variants of the profile;
/// - stage 2: paper 1's capacity sweep, whose (4, 9) models the grid's batches hold (so the grid
///   must be done first, as locally, or they would be trained in other batches), and paper 2's
///   robustness evaluations of the networks stage 1 trained.
///
/// Stage 2 also embeds paper 1's t-SNE of each extra seed (its largest analysis); its other
/// analyses (pruning, the figure's t-SNE, saliency …) are not sharded: the report job computes
/// them, as `build-report` does locally.
public struct ReportWork {
    public var papers: [String]
    public var quick: Bool
    public var rng: RandomSource
    /// `--seeds N` (nil: the profile's default; paper 2's width family then has no extra seeds).
    public var seedCount: Int?
    /// Paper 2's full profile: its whole CNN design, evaluated at the MLPs' sizes.
    public var full: Bool
    /// The CIFAR sets installed with their CIFAR-C: paper 2's CIFAR half builds for them.
    public var cifar: [CIFARDataset]

    public init(papers: [String], quick: Bool, rng: RandomSource = .repro, seedCount: Int? = nil,
                full: Bool = false, cifar: [CIFARDataset] = []) {
        self.papers = papers
        self.quick = quick
        self.rng = rng
        self.seedCount = seedCount
        self.full = full
        self.cifar = cifar
    }

    public static let stageCount = 2

    /// The parts of stage 1 and of stage 2, each in paper order.
    public func stages() throws -> [[any WorkPart]] {
        var first: [any WorkPart] = [], second: [any WorkPart] = []
        if papers.contains("paper1") {
            let grid = Paper1Plan.lrGrid(quick: quick).drawing(rng)
            let capacity = Paper1Plan.capacity(quick: quick).drawing(rng)
            let count = seedCount ?? (quick ? Paper1Plan.quickExtendedSeedCount : Paper1Plan.extendedSeedCount)
            guard count >= capacity.seeds.count, count <= Paper1Plan.maximumSeedCount else {
                throw ReproError("--seeds: give between \(capacity.seeds.count) and "
                                 + "\(Paper1Plan.maximumSeedCount)")
            }
            let seeds = Paper1Plan.extendedSeeds(count, base: capacity.seeds)
            var extendedGrid = grid, extendedCapacity = capacity
            extendedGrid.seeds = seeds
            extendedCapacity.seeds = seeds
            first.append(TrainingPart(paper: "paper1", name: "lr-grid (\(seeds.count) seeds)",
                                      plan: extendedGrid, trainer: BinaryBatchTrainer()))
            second.append(TrainingPart(paper: "paper1", name: "capacity (\(seeds.count) seeds)",
                                       plan: extendedCapacity, trainer: BinaryBatchTrainer()))
            // Its models (h = 24 on (4, 9)) are the grid's, stored by stage 1.
            second.append(TSNESeedPart(base: extendedCapacity))
        }
        if papers.contains("paper2") {
            let plans = Paper2Plan.report(quick: quick, full: full)
                + [BatchSensitivity.plan(quick: quick)]
                + (try Paper2Reproduction.readingPlans(quick: quick, seedCount: seedCount, full: full))
                + cifar.flatMap { Paper2Plan.cifar($0, quick: quick, full: full) }
            for plan in plans {
                first.append(plan.family.isConvolutional
                    ? TrainingPart(paper: "paper2", name: plan.experiment, plan: plan,
                                   trainer: ConvNetworkTrainer())
                    : TrainingPart(paper: "paper2", name: plan.experiment, plan: plan,
                                   trainer: SparseNetworkTrainer()))
            }
            let mlp = plans.filter { !$0.family.isConvolutional }
            let conv = plans.filter(\.family.isConvolutional)
            second.append(EvaluationPart(plans: mlp, settings: .of(quick: quick)))
            if !conv.isEmpty {
                second.append(EvaluationPart(plans: conv,
                                             settings: Paper2Plan.convSettings(quick: quick, full: full),
                                             name: Paper2Reproduction.robustnessCNN))
            }
        }
        return [first, second]
    }

    /// Paper 1's analyses but the per-seed t-SNE, which the report job runs unsharded: about 30
    /// core-seconds for the paper's seeds plus 8 per extra seed, a third in the quick profile.
    public func reportJobSeconds() -> Double {
        guard papers.contains("paper1") else { return 120 }
        let seeds = seedCount ?? (quick ? Paper1Plan.quickExtendedSeedCount : Paper1Plan.extendedSeedCount)
        return (quick ? 1.0 / 3 : 1) * (30 + 8 * Double(max(0, seeds - 3))) + 120
    }
}

/// Which shard of which stage owns work that is not stored, for the message that names it.
public struct UnfinishedShard: Sendable, Equatable {
    public var stage: Int
    public var shard: Shard
    public var part: String
    public var missing: Int
    public var unit: String
}

/// One part of a stage with where it stands and its offset: within a stage the parts' units are
/// numbered on from one part to the next, so shard 0 does not own every part's first (often
/// largest) unit; task `t` of an array runs shard `(t - offset) mod n` of each part.
public struct PlacedPart {
    public var part: any WorkPart
    public var offset: Int
    public var progress: [UnitProgress]

    /// The array task that owns the unit at `position`.
    public func task(_ position: Int, shards: Int) -> Int { (position + offset) % shards }

    /// The part's own shard that array task `task` runs.
    public func shard(forTask task: Int, shards: Int) throws -> Shard {
        try Shard(index: ((task - offset) % shards + shards) % shards, count: shards)
    }
}

extension ReportWork {
    /// Each stage's parts with their offsets and progress.
    public func placed(runner: (String) -> ExperimentRunner) throws -> [[PlacedPart]] {
        try stages().map { parts in
            var offset = 0
            return parts.map { part in
                let progress = part.progress(runner(part.paper))
                defer { offset += progress.count }
                return PlacedPart(part: part, offset: offset, progress: progress)
            }
        }
    }

    /// The first array task (stage order, then part, then position) whose work is not all
    /// stored, among stages `1...upTo`; nil when all of it is.
    public func firstUnfinished(upTo stage: Int, shards: Int,
                                runner: (String) -> ExperimentRunner) throws -> UnfinishedShard? {
        for (index, parts) in try placed(runner: runner).prefix(stage).enumerated() {
            for placed in parts {
                let open = placed.progress.filter { $0.state != .stored }
                guard let first = open.first else { continue }
                let owner = placed.task(first.position, shards: shards)
                let missing = open.filter { placed.task($0.position, shards: shards) == owner }
                    .map(\.missing).reduce(0, +)
                return UnfinishedShard(stage: index + 1, shard: try Shard(index: owner, count: shards),
                                       part: "\(placed.part.paper) \(placed.part.name)",
                                       missing: missing, unit: placed.part.unit)
            }
        }
        return nil
    }

    /// The array tasks of each stage that own something not stored yet (what a submission runs).
    public func shardsWithWork(shards: Int,
                               runner: (String) -> ExperimentRunner) throws -> [[Int]] {
        try placed(runner: runner).map { parts in
            var owners: Set<Int> = []
            for placed in parts {
                for unit in placed.progress where unit.state != .stored {
                    owners.insert(placed.task(unit.position, shards: shards))
                }
            }
            return owners.sorted()
        }
    }

    /// Remaining core-seconds of each stage, and the largest share one array task owns.
    public func remaining(shards: Int,
                          runner: (String) -> ExperimentRunner) throws -> [(total: Double, perShard: Double)] {
        try placed(runner: runner).map { parts in
            var byShard = [Double](repeating: 0, count: shards)
            for placed in parts {
                for unit in placed.progress {
                    byShard[placed.task(unit.position, shards: shards)] += unit.remainingSeconds
                }
            }
            return (byShard.reduce(0, +), byShard.max() ?? 0)
        }
    }
}
