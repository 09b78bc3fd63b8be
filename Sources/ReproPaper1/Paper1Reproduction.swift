import ReproSupport
import Foundation
import ReproData
import ReproExperiments
import ReproPlot
import ReproReport

/// Paper 1 as a plug-in: its two experiments, its analyses, figures, Table 1, claims and report.
public struct Paper1Reproduction: PaperReproduction {
    public init() {}

    public let id = "paper1"
    /// `--rng numpy` replays the published code's draws.
    public let randomSources = RandomSource.allCases

    public var experiments: [ExperimentInfo] {
        [ExperimentInfo(name: "lr-grid", summary: "pair 4/9, 6 learning rates × 11 hidden sizes × 3 seeds"),
         ExperimentInfo(name: "capacity", summary: "5 pairs × 11 hidden sizes × 3 seeds, lr 0.03")]
    }

    public func results(_ context: PaperContext) throws -> Paper1Results {
        let runner = context.runner
        let grid = Paper1Plan.lrGrid(quick: context.quick).drawing(context.rng)
        let capacity = Paper1Plan.capacity(quick: context.quick).drawing(context.rng)
        let seeds = try Self.extendedSeeds(context, base: capacity.seeds)
        // The claims' extended seeds: the same two plans over more seeds, run after the paper's
        // (so the figures' models come first; those are reused, not retrained).
        var extendedGrid = grid, extended = capacity
        extendedGrid.seeds = seeds
        extended.seeds = seeds
        let plans = seeds == capacity.seeds ? [grid, capacity] : [grid, capacity, extendedGrid, extended]
        for plan in plans {
            let outcome = try runner.run(plan, trainer: BinaryBatchTrainer())
            context.log("\(plan.experiment) (\(plan.seeds.count) seeds): \(outcome.trained) trained, \(outcome.cached) reused")
        }
        let studies = StudyContext(runner: runner, base: extended)
        var times: [StepTime] = []
        var results = Paper1Results(
            lrGrid: try runner.records(extendedGrid), capacity: try runner.records(extended),
            pruning: try context.timed("pruning", into: &times) { try PruningStudy.run(studies) },
            deadNeurons: try context.timed("dead neurons", into: &times) { try DeadNeuronStudy.run(studies) },
            tsne: try context.timed("t-SNE", into: &times) { try TSNEStudy.run(studies) },
            robustness: try context.timed("robustness", into: &times) { try RobustnessStudy.run(studies) },
            saliency: try context.timed("saliency", into: &times) { try SaliencyStudy.run(studies) },
            corruptionExamples: try context.timed("corruption examples", into: &times) {
                try CorruptionExamples.run(studies)
            },
            quick: context.quick)
        results.saliencyConcentration = try context.timed("saliency concentration", into: &times) {
            try SaliencyConcentration.run(studies)
        }
        results.tsneSeeds = try context.timed("t-SNE per seed", into: &times) {
            try TSNEStudy.perSeed(studies, figure: results.tsne)
        }
        results.stepTimes = times
        results.rng = context.rng
        results.paperSeeds = capacity.seeds
        results.extendedSeeds = seeds
        results.replayCapacity = context.rng == .numpy ? results.paperView.capacity
            : (try? runner.records(capacity.drawing(.numpy))) ?? []
        results.replayGrids = LRGridHypotheses.replayed(grid, runner: runner).map {
            (scheme: $0.0, records: $0.1)
        }
        return results
    }

    public func seedCounts(quick: Bool) -> ClosedRange<Int>? {
        Paper1Plan.capacity(quick: quick).seeds.count...Paper1Plan.maximumSeedCount
    }

    /// The seeds the claims are re-checked over: the profile's, then more up to `--seeds N`
    /// (default 20; 4 in the quick profile).
    static func extendedSeeds(_ context: PaperContext, base: [Int]) throws -> [Int] {
        let count = context.seedCount ?? (context.quick ? Paper1Plan.quickExtendedSeedCount : Paper1Plan.extendedSeedCount)
        guard count >= base.count, count <= Paper1Plan.maximumSeedCount else {
            throw ReproError("--seeds: give between \(base.count) (the profile's seeds \(base.map(String.init).joined(separator: ", "))) "
                             + "and \(Paper1Plan.maximumSeedCount); the claims are re-checked over that many seeds")
        }
        return Paper1Plan.extendedSeeds(count, base: base)
    }

    public func figures(_ results: Paper1Results, facts: PaperFacts) throws -> [(id: FigureID, figure: Figure)] {
        Paper1Figures.all(results, published: try facts.published(as: Paper1Published.self))
    }

    public func tables(_ results: Paper1Results) -> [ReportTable] { Paper1Figures.tables(results.paperView) }

    public func checkClaims(_ claims: [Claim], _ results: Paper1Results) throws -> [ClaimResult] {
        Paper1ClaimChecker.check(claims, results)
    }

    public func templateContext(_ results: Paper1Results, facts: PaperFacts) throws -> [String: Any] {
        let profile = Paper1Plan.capacity(quick: results.quick).drawing(results.rng)
        var values = Paper1ReportContext.make(results: results.paperView,
                                        published: try facts.published(as: Paper1Published.self),
                                        profile: profile)
        values["extendedSeeds"] = ExtendedSeedsSection.values(results)
        return values
    }

    public func provenance(_ context: PaperContext) -> [ProvenanceExperiment] {
        [Paper1Plan.lrGrid(quick: context.quick), Paper1Plan.capacity(quick: context.quick)].map { plan in
            let drawn = plan.drawing(context.rng)
            return ProvenanceExperiment(drawn, seeds: drawn.seeds, store: context.runner.store)
        }
    }

    public func checkOptions(_ experiment: String, options: ExperimentOptions) throws {
        _ = try Paper1Plan.plan(experiment, options: options)
    }

    public func run(_ experiment: String, options: ExperimentOptions, context: PaperContext) throws -> String {
        let plan = try Paper1Plan.plan(experiment, options: options)
        var runner = context.runner
        runner.showProgress = true
        let outcome = try runner.run(plan, trainer: BinaryBatchTrainer(), shard: options.shard)
        return outcome.line(plan.experiment)
    }

    public func resultsTable(_ experiment: String, options: ExperimentOptions, csv: Bool,
                             context: PaperContext) throws -> String {
        let plan = try Paper1Plan.plan(experiment, options: options)
        let table = Paper1ResultTable(records: try context.runner.records(plan),
                                      showLearningRate: plan.experiment == "lr-grid")
        return csv ? table.csv() : table.report()
    }
}
