import ReproData
import ReproNN
import ReproSupport

/// The options of `repro run` and `repro results`, parsed and typed: each paper reads the ones
/// its experiments have and refuses the others by name (`check(allowed:for:)`).
public struct ExperimentOptions: Sendable, Equatable {
    public var quick = false
    public var full = false
    public var seeds: [Int]?
    public var epochs: Int?
    public var precision: Precision?
    public var shard: Shard?
    /// `--rng`; nil when the default (the tool's own streams) was asked for.
    public var rng: RandomSource?
    // Paper 1.
    public var pairs: [DigitPair]?
    public var sizes: [Int]?
    public var learningRates: [Double]?
    /// `--lr-grid-order`: under `--rng numpy`, which hypothesised loop order draws the LR grid's
    /// initial weights (its script is not published).
    public var lrGridOrder: String?
    // Paper 2.
    public var widths: [Int]?
    public var depths: [Int]?
    public var batchSize: Int?
    public var learningRate: Double?

    public init() {}

    /// The long names of the options that were given.
    public var given: [String] {
        var names: [String] = []
        if full { names.append("--full") }
        if seeds != nil { names.append("--seeds") }
        if epochs != nil { names.append("--epochs") }
        if precision != nil { names.append("--precision") }
        if rng != nil { names.append("--rng") }
        if pairs != nil { names.append("--pairs") }
        if sizes != nil { names.append("--sizes") }
        if learningRates != nil { names.append("--lrs") }
        if lrGridOrder != nil { names.append("--lr-grid-order") }
        if widths != nil { names.append("--widths") }
        if depths != nil { names.append("--depths") }
        if batchSize != nil { names.append("--batch-size") }
        if learningRate != nil { names.append("--lr") }
        return names
    }

    /// Throws if an option was given that `experiment` does not have.
    public func check(allowed: Set<String>, for experiment: String) throws {
        if let name = given.first(where: { !allowed.contains($0) }) {
            throw ReproError("\(name) does not apply to \(experiment); it takes "
                             + (allowed.isEmpty ? "no such options"
                                                    : allowed.sorted().joined(separator: ", ")))
        }
    }
}
