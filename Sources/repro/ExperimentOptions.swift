import ArgumentParser
import ReproData
import ReproExperiments
import ReproNN
import ReproSupport

/// Options that pick and narrow one experiment's plan; shared by `run` and `results`.
struct ExperimentOptions: ParsableArguments {
    @Flag(help: "The quick profile: seeds 0,42; sizes 4,12,24,64; 30 epochs.")
    var quick = false

    @Option(help: "Digit pairs, comma-separated (e.g. 0/1,4/9).")
    var pairs: String?

    @Option(help: "Hidden sizes, comma-separated.")
    var sizes: String?

    @Option(help: "Seeds, comma-separated.")
    var seeds: String?

    @Option(help: "Learning rates, comma-separated.")
    var lrs: String?

    @Option(help: "Epochs (full-batch steps).")
    var epochs: Int?

    @Option(help: "float32 (default) or float64.")
    var precision: String?

    /// The plan: the experiment's defaults (or the quick profile) narrowed by the options.
    func plan(_ experiment: String) throws -> ExperimentPlan {
        var plan = try ExperimentPlan.named(experiment, quick: quick)
        if let pairs { plan.pairs = try Self.list(pairs, "--pairs") { try DigitPair(parsing: $0) } }
        if let sizes { plan.hiddenSizes = try Self.list(sizes, "--sizes") { Int($0) } }
        if let seeds { plan.seeds = try Self.list(seeds, "--seeds") { Int($0) } }
        if let lrs { plan.learningRates = try Self.list(lrs, "--lrs") { Double($0) } }
        if let epochs { plan.epochs = epochs }
        if let precision {
            guard let p = Precision(rawValue: precision) else { throw ReproError("--precision must be float32 or float64, not '\(precision)'") }
            plan.precision = p
        }
        try plan.validate()
        return plan
    }

    static func list<T>(_ text: String, _ option: String, _ parse: (String) throws -> T?) throws -> [T] {
        let items = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return try items.map { item in
            guard let value = try parse(item) else { throw ReproError("\(option): '\(item)' is not valid") }
            return value
        }
    }
}
