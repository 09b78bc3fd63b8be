import ReproData
import ReproNN
import ReproSupport

/// The options of `repro run` and `repro results`, parsed and typed: each paper declares the ones
/// its experiments take (a set of ``ExperimentOption``) and refuses the others by name
/// (`check(allowed:for:)`).
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
    /// `--variant`: a named alternative reading of the protocol (paper 2).
    public var variant: String?
    /// `--dataset`: the CIFAR set to train and evaluate on (paper 2); nil: MNIST.
    public var dataset: CIFARDataset?

    public init() {}

    /// The options that were given, in the order of ``ExperimentOption``.
    public var given: [ExperimentOption] {
        ExperimentOption.allCases.filter { option in
            switch option {
            case .full: return full
            case .seeds: return seeds != nil
            case .epochs: return epochs != nil
            case .precision: return precision != nil
            case .rng: return rng != nil
            case .pairs: return pairs != nil
            case .sizes: return sizes != nil
            case .lrs: return learningRates != nil
            case .lrGridOrder: return lrGridOrder != nil
            case .widths: return widths != nil
            case .depths: return depths != nil
            case .batchSize: return batchSize != nil
            case .lr: return learningRate != nil
            case .variant: return variant != nil
            case .dataset: return dataset != nil
            }
        }
    }

    /// Throws if an option was given that `experiment` does not have.
    public func check(allowed: Set<ExperimentOption>, for experiment: String) throws {
        if let option = given.first(where: { !allowed.contains($0) }) {
            throw ReproError("\(option.rawValue) does not apply to \(experiment); it takes "
                             + (allowed.isEmpty ? "no such options"
                                : allowed.map(\.rawValue).sorted().joined(separator: ", ")))
        }
    }
}

/// An option of `run` and `results` that narrows a plan, by its long name. Which experiments take
/// which is declared once, by the paper that owns them (its plan's `options`).
public enum ExperimentOption: String, CaseIterable, Hashable, Sendable {
    case full = "--full"
    case seeds = "--seeds"
    case epochs = "--epochs"
    case precision = "--precision"
    case rng = "--rng"
    case pairs = "--pairs"
    case sizes = "--sizes"
    case lrs = "--lrs"
    case lrGridOrder = "--lr-grid-order"
    case widths = "--widths"
    case depths = "--depths"
    case batchSize = "--batch-size"
    case dataset = "--dataset"
    case lr = "--lr"
    case variant = "--variant"
}
