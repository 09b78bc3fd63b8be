import ReproData
import ReproNN
import ReproSupport

/// Everything that determines one trained network, and nothing else: equal specs give equal
/// results, and the spec's hash is the name of its result in the store.
public struct ModelSpec: Codable, Hashable, Sendable {
    public var pair: DigitPair
    public var seed: Int
    public var hidden: Int
    public var learningRate: Double
    public var epochs: Int
    public var precision: Precision
    public var initScale: Double
    /// SHA-256 of the training images the task was drawn from (canonical MNIST unless a test says otherwise).
    public var data: String
    /// Bumped whenever training code changes what it computes, so stale results are never reused.
    public var trainer: Int

    public static let trainerVersion = 1

    public init(pair: DigitPair, seed: Int, hidden: Int, learningRate: Double, epochs: Int,
                precision: Precision = .float32, initScale: Double = 0.1,
                data: String = MNISTFile.trainImages.sha256) {
        self.pair = pair; self.seed = seed; self.hidden = hidden; self.learningRate = learningRate
        self.epochs = epochs; self.precision = precision; self.initScale = initScale
        self.data = data; self.trainer = Self.trainerVersion
    }

    /// The store key: 16 hex digits of the SHA-256 of the canonical JSON.
    public var key: String { (try? StableHash.key(self)) ?? "invalid" }

    /// Models that share a group use the same data and are trained together in one batch.
    public var group: GroupKey { GroupKey(pair: pair, seed: seed, epochs: epochs, precision: precision, data: data) }

    /// The initial weights: drawn from a stream named by (seed, pair, hidden size) only, so every
    /// learning rate starts from the same network and no result depends on run order.
    public func initialParameters(inputs: Int) -> MLPParameters {
        var rng = RandomStream(seed: seed, "init", pair.slug, "h=\(hidden)")
        return MLPParameters.initial(inputs: inputs, hidden: hidden, scale: initScale, rng: &rng)
    }
}

/// What the models of one batch share.
public struct GroupKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var pair: DigitPair
    public var seed: Int
    public var epochs: Int
    public var precision: Precision
    public var data: String

    public static func < (a: GroupKey, b: GroupKey) -> Bool {
        (a.pair, a.seed, a.epochs, a.precision.rawValue) < (b.pair, b.seed, b.epochs, b.precision.rawValue)
    }

    public var description: String { "pair \(pair) seed \(seed)" }
}
