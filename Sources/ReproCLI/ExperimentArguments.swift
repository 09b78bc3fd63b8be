import ArgumentParser
import ReproData
import ReproExperiments
import ReproNN

/// The options that narrow an experiment's plan; shared by `run` and `results`. Each paper
/// accepts the ones its experiments have and names any other as not applying.
struct ExperimentArguments: ParsableArguments {
    @OptionGroup var profile: ProfileOptions

    @Option(parsing: .unconditional, help: "Seeds, comma-separated.")
    var seeds: CommaList<Int>?

    @Option(parsing: .unconditional, help: "Epochs (paper 1: full-batch steps).")
    var epochs: Int?

    @Option(help: "Number type of training: float32 or float64 (paper 1).")
    var precision: Precision?

    @Option(parsing: .unconditional,
            help: "Digit pairs, comma-separated, e.g. 0/1,4/9 (paper 1).")
    var pairs: CommaList<DigitPair>?

    @Option(parsing: .unconditional, help: "Hidden sizes, comma-separated (paper 1).")
    var sizes: CommaList<Int>?

    @Option(parsing: .unconditional, help: "Learning rates, comma-separated (paper 1).")
    var lrs: CommaList<Double>?

    @Option(help: ArgumentHelp(
        "With --rng numpy, the LR grid's draw order: sizes-rates, rates-sizes or fresh (paper 1).",
        discussion: "The grid's script is not published. sizes-rates (default): seed once per "
            + "seed, then hidden sizes × learning rates; rates-sizes: the other way round; "
            + "fresh: np.random.seed before every model.",
        valueName: "order"))
    var lrGridOrder: String?

    @Option(parsing: .unconditional,
            help: "Widths, comma-separated powers of two: hidden units from 128 to 32768 (paper 2's MLPs), base channels from 16 to 512 (its CNNs).")
    var widths: CommaList<Int>?

    @Option(parsing: .unconditional,
            help: "Numbers of hidden layers, comma-separated (paper 2, sparse-depth).")
    var depths: CommaList<Int>?

    @Option(parsing: .unconditional, help: "Mini-batch size (paper 2; default 128).")
    var batchSize: Int?

    @Option(parsing: .unconditional, help: "Learning rate (paper 2; default 0.01).")
    var lr: Double?

    @Flag(help: "Paper 2's pruned-width at every width up to 2^15 (dense 2^15 nets take long).")
    var full = false

    @Option(help: ArgumentHelp(
        "Paper 2: another reading of the protocol for sparse-width and robustness: output-dense, "
            + "normal-init, raw-input, no-bias or batch-64.",
        discussion: "The variant's width family (widths 2^7…2^13, 3 seeds) has its own stored "
            + "networks; the default reading's are never recomputed.",
        valueName: "name"))
    var variant: String?

    @Option(help: ArgumentHelp(
        "Paper 2: the data set: mnist (default), cifar10 or cifar100.",
        discussion: "CIFAR must be installed first (`repro data fetch --dataset cifar10 --from "
            + "<archive>`); its networks have their own stored keys.",
        valueName: "name"))
    var dataset: String?

    func validate() throws {
        // Each list names at least one value, each once: a value given twice would be trained
        // once and counted twice in every mean ± std.
        try Self.list("--seeds", seeds)
        try Self.list("--pairs", pairs)
        try Self.list("--sizes", sizes)
        try Self.list("--lrs", lrs)
        try Self.list("--widths", widths)
        try Self.list("--depths", depths)
        if let seeds, seeds.values.contains(where: { $0 < 0 }) {
            throw ValidationError("--seeds: seeds must be non-negative integers")
        }
        // The upper bound is each paper's own (paper 1: 100000, paper 2: 10000), checked by
        // its plan, which names it.
        if let epochs, epochs < 1 {
            throw ValidationError("--epochs: must be at least 1, not \(epochs)")
        }
        if let lrs, !lrs.values.allSatisfy({ $0 > 0 && $0.isFinite }) {
            throw ValidationError("--lrs: learning rates must be positive numbers")
        }
        try validatePaper2()
    }

    /// Refuses an empty list (`--sizes ''`) and one that names a value twice (0/1 and 1/0 are
    /// one pair), naming the option.
    static func list<T: Hashable & CustomStringConvertible>(_ option: String,
                                                            _ list: CommaList<T>?) throws {
        guard let values = list?.values else { return }
        guard !values.isEmpty else {
            throw ValidationError("\(option): the list is empty; give at least one value "
                                  + "(comma-separated)")
        }
        var seen: Set<T> = []
        for value in values where !seen.insert(value).inserted {
            throw ValidationError("\(option): \(value) is given twice; name each value once")
        }
    }

    /// The experiment's name, then these options against what the experiment's paper accepts
    /// (`PaperReproduction.checkOptions`): an option that does not apply, or a value only the
    /// paper can judge (--rng numpy with --precision float32), is a usage error too.
    func check(_ experiment: ExperimentName, options: ExperimentOptions) throws {
        try experiment.check()
        guard let paper = Papers.owner(of: experiment.name) else { return }
        try Usage.check { try paper.checkOptions(experiment.name, options: options) }
    }

    func validatePaper2() throws {
        // Widths are checked by the family's plan, which knows its range (128…32768 for the
        // MLPs, 16…512 for the CNNs) and names it; a range here could only name their union.
        if let depths, !depths.values.allSatisfy({ (1...16).contains($0) }) {
            throw ValidationError("--depths: depths must be between 1 and 16 hidden layers")
        }
        if let dataset, dataset != "mnist", CIFARDataset(rawValue: dataset) == nil {
            throw ValidationError("--dataset: unknown data set '\(dataset)'; give mnist, cifar10 "
                                  + "or cifar100")
        }
        if let batchSize, batchSize < 1 { throw ValidationError("--batch-size: must be at least 1") }
        if let lr, !(lr > 0 && lr.isFinite) {
            throw ValidationError("--lr: the learning rate must be a positive number")
        }
    }

    var options: ExperimentOptions {
        var o = ExperimentOptions()
        o.quick = profile.quick
        o.seeds = seeds?.values
        o.epochs = epochs
        o.precision = precision
        o.rng = profile.rng.specValue == nil ? nil : profile.rng
        o.pairs = pairs?.values
        o.sizes = sizes?.values
        o.learningRates = lrs?.values
        o.lrGridOrder = lrGridOrder
        o.widths = widths?.values
        o.depths = depths?.values
        o.batchSize = batchSize
        o.learningRate = lr
        o.full = full
        o.variant = variant
        o.dataset = dataset.flatMap(CIFARDataset.init(rawValue:))
        return o
    }
}
