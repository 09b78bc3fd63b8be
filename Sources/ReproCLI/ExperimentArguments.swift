import ArgumentParser
import ReproData
import ReproExperiments
import ReproNN

/// The options that narrow an experiment's plan; shared by `run` and `results`. Each paper
/// accepts the ones its experiments have and names any other as not applying.
struct ExperimentArguments: ParsableArguments {
    @OptionGroup var profile: ProfileOptions

    @Option(help: "Seeds, comma-separated.")
    var seeds: CommaList<Int>?

    @Option(help: "Epochs (paper 1: full-batch steps).")
    var epochs: Int?

    @Option(help: "Number type of training: float32 or float64 (paper 1).")
    var precision: Precision?

    @Option(help: "Digit pairs, comma-separated, e.g. 0/1,4/9 (paper 1).")
    var pairs: CommaList<DigitPair>?

    @Option(help: "Hidden sizes, comma-separated (paper 1).")
    var sizes: CommaList<Int>?

    @Option(help: "Learning rates, comma-separated (paper 1).")
    var lrs: CommaList<Double>?

    func validate() throws {
        if let seeds, seeds.values.contains(where: { $0 < 0 }) {
            throw ValidationError("--seeds: seeds must be non-negative integers")
        }
        if let seeds, Set(seeds.values).count != seeds.values.count {
            throw ValidationError("--seeds: each seed once, please")
        }
        if let epochs, !(1...100_000).contains(epochs) {
            throw ValidationError("--epochs: must be between 1 and 100000")
        }
        if let pairs, Set(pairs.values).count != pairs.values.count {
            throw ValidationError("--pairs: each pair once, please")
        }
        if let lrs, !lrs.values.allSatisfy({ $0 > 0 && $0.isFinite }) {
            throw ValidationError("--lrs: learning rates must be positive numbers")
        }
    }

    var options: ExperimentOptions {
        var o = ExperimentOptions()
        o.quick = profile.quick
        o.seeds = seeds?.values
        o.epochs = epochs
        o.precision = precision
        o.pairs = pairs?.values
        o.sizes = sizes?.values
        o.learningRates = lrs?.values
        return o
    }
}
