import ReproData
import ReproExperiments
import ReproNN
import ReproSupport

/// A grid of paper-1 models to train: every pair × seed × hidden size × learning rate.
public struct Paper1Plan: ExperimentPlanning, Codable, Equatable, Sendable {
    public var experiment: String
    public var pairs: [DigitPair]
    public var hiddenSizes: [Int]
    public var seeds: [Int]
    public var learningRates: [Double]
    public var epochs: Int
    public var precision: Precision
    /// Whose random numbers: nil for the tool's own streams, else the published code's, drawn
    /// in this scheme's order. Optional, so default plans keep their keys.
    public var replay: ReplayScheme?
    /// Iterations of the t-SNE analyses (nil: t-SNE's 1,000). Optional, so default plans keep
    /// their JSON.
    public var tsneIterations: Int?

    /// The paper's five pairs, in its order of difficulty.
    public static let paperPairs = [DigitPair(0, 1), DigitPair(1, 7), DigitPair(5, 6),
                                    DigitPair(3, 8), DigitPair(4, 9)]
    /// The hardest pair, which most analyses study.
    public static let hardestPair = DigitPair(4, 9)
    public static let paperHiddenSizes = [2, 4, 6, 8, 10, 12, 16, 24, 32, 48, 64]
    public static let paperSeeds = [0, 42, 78]
    public static let paperLearningRates = [1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2]
    public static let paperLearningRate = 0.03
    public static let paperEpochs = 100

    /// The quick profile: two seeds, four sizes, 30 epochs — a full pipeline in seconds.
    public static let quickHiddenSizes = [4, 12, 24, 64]
    public static let quickSeeds = [0, 42]
    public static let quickEpochs = 30
    /// The quick profile's t-SNE runs 500 iterations (250 exaggerated, 250 not): the clusters
    /// have formed by then, and the five embeddings were a third of the quick profile's paper 1.
    public static let quickTSNEIterations = 500

    /// Paper 1's learning-rate grid on (4, 9).
    public static func lrGrid(quick: Bool = false) -> Paper1Plan {
        Paper1Plan(experiment: "lr-grid", pairs: [hardestPair],
                       hiddenSizes: quick ? quickHiddenSizes : paperHiddenSizes, seeds: quick ? quickSeeds : paperSeeds,
                       learningRates: paperLearningRates, epochs: quick ? quickEpochs : paperEpochs, precision: .float32)
    }

    /// Paper 1's capacity sweep: five pairs, lr 0.03.
    public static func capacity(quick: Bool = false) -> Paper1Plan {
        var plan = Paper1Plan(experiment: "capacity", pairs: paperPairs,
                       hiddenSizes: quick ? quickHiddenSizes : paperHiddenSizes, seeds: quick ? quickSeeds : paperSeeds,
                       learningRates: [paperLearningRate], epochs: quick ? quickEpochs : paperEpochs, precision: .float32)
        if quick { plan.tsneIterations = quickTSNEIterations }
        return plan
    }

    /// Claims are re-checked over this many seeds by default (the paper's 3 and 17 more; the
    /// quick profile's 2 and 1 more).
    public static let extendedSeedCount = 20
    public static let quickExtendedSeedCount = 3
    /// More seeds than this would take hours; `--seeds` refuses them.
    public static let maximumSeedCount = 100

    /// The profile's seeds, then 0, 42, 78 if missing, then 1, 2, 3, … until there are `count`.
    public static func extendedSeeds(_ count: Int, base: [Int]) -> [Int] {
        var seeds = base
        var next = paperSeeds.makeIterator()
        var counter = 1
        while seeds.count < count {
            let candidate: Int
            if let s = next.next() { candidate = s } else { candidate = counter; counter += 1 }
            if !seeds.contains(candidate) { seeds.append(candidate) }
        }
        return Array(seeds.prefix(max(count, 1)))
    }

    public static func named(_ name: String, quick: Bool = false) throws -> Paper1Plan {
        switch name {
        case "lr-grid": return lrGrid(quick: quick)
        case "capacity": return capacity(quick: quick)
        default: throw ReproError("unknown experiment '\(name)'; choose lr-grid or capacity")
        }
    }

    /// Every model of the plan, in a fixed order (pair, seed, size, lr).
    public func specs(data: String = MNISTFile.trainImages.sha256) -> [ModelSpec] {
        pairs.flatMap { pair in
            seeds.flatMap { seed in
                hiddenSizes.flatMap { h in
                    learningRates.map { lr in
                        ModelSpec(pair: pair, seed: seed, hidden: h, learningRate: lr,
                                  epochs: epochs, precision: precision, data: data, replay: replay)
                    }
                }
            }
        }
    }

    /// The options paper 1's experiments take.
    public static func options(_ experiment: String) -> Set<ExperimentOption> {
        [.seeds, .epochs, .precision, .pairs, .sizes, .lrs, .rng, .lrGridOrder]
    }

    /// The plan of `repro run`/`results`: the experiment's defaults (or the quick profile)
    /// narrowed by the options.
    public static func plan(_ experiment: String, options: ExperimentOptions) throws -> Paper1Plan {
        try options.check(allowed: Self.options(experiment), for: experiment)
        if options.rng == .numpy, options.precision == .float32 {
            throw ReproError("--rng numpy trains in float64, as the published code computes; "
                             + "drop --precision float32")
        }
        var plan = try named(experiment, quick: options.quick).drawing(options.rng ?? .repro)
        if let pairs = options.pairs { plan.pairs = pairs }
        if let sizes = options.sizes { plan.hiddenSizes = sizes }
        if let seeds = options.seeds { plan.seeds = seeds }
        if let rates = options.learningRates { plan.learningRates = rates }
        if let epochs = options.epochs { plan.epochs = epochs }
        if let precision = options.precision { plan.precision = precision }
        if let order = options.lrGridOrder {
            plan.replay = try ReplayScheme(lrGridOrder: order, plan)
        }
        try plan.validate()
        return plan
    }

    /// The plan with its random numbers from `source`: under `numpy`, the published code's draws
    /// in its order (the LR grid's in the first hypothesis, seed once then sizes × rates) and
    /// float64 training.
    public func drawing(_ source: RandomSource) -> Paper1Plan {
        var plan = self
        switch source {
        case .repro: plan.replay = nil
        case .numpy:
            plan.replay = experiment == "lr-grid" ? .sizesThenRates : .trainPy
            plan.precision = .float64
        }
        return plan
    }

    /// Checks the plan before any work starts; the message names the offending option.
    public func validate() throws {
        try validateReplay()
        guard !pairs.isEmpty else { throw ReproError("--pairs: give at least one pair") }
        guard !hiddenSizes.isEmpty, hiddenSizes.allSatisfy({ (1...4096).contains($0) }) else {
            throw ReproError("--sizes: hidden sizes must be between 1 and 4096")
        }
        guard !seeds.isEmpty, seeds.allSatisfy({ $0 >= 0 }) else { throw ReproError("--seeds: seeds must be non-negative integers") }
        guard (1...100_000).contains(epochs) else { throw ReproError("--epochs: must be between 1 and 100000") }
        guard !learningRates.isEmpty, learningRates.allSatisfy({ $0 > 0 && $0.isFinite }) else {
            throw ReproError("--lrs: learning rates must be positive")
        }
    }
}
