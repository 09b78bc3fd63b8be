import ReproSupport
import ReproAnalysis
import ReproData
import ReproNN

/// Fig. 5: t-SNE of the h = 24 hidden activations on (4, 9), held-out part, before and after
/// "95 %" pruning (both readings).
public enum TSNEStudy {
    public static let version = 2
    public static let pair = Paper1Plan.hardestPair
    public static let hidden = 24
    public static let seed = 42
    public static let level = 95.0

    public struct Panel: Codable, Equatable, Sendable {
        /// "original", "pruned" (95 % of weights) or "pruned-published" (0.95 %).
        public var name: String
        public var result: TSNE.Result
        /// Held-out F1 of the model the activations come from.
        public var f1: Double
        /// Leave-one-out 10-nearest-neighbour accuracy of the digit in the embedding.
        public var neighbourAccuracy: Double
    }

    public struct Result: Codable, Equatable, Sendable {
        public var digits: [Int]
        public var panels: [Panel]
        public var seconds: Double
    }

    /// The figure's embedding (seed 42, or the profile's first seed).
    public static func run(_ context: StudyContext) throws -> Result {
        try embed(context, seed: context.seed(preferring: Self.seed), cacheName: "tsne")
    }

    /// One seed's cluster quality per panel, for the claim's interval over seeds.
    public struct SeedRow: Codable, Equatable, Sendable {
        public var seed: Int
        /// "original", "pruned" or "pruned-published", as the panels.
        public var name: String
        public var neighbourAccuracy: Double
    }

    /// Every seed of the base plan: the figure's seed from its embedding, the others embedded
    /// and cached on their own (only the accuracies are kept).
    public static func perSeed(_ context: StudyContext, figure: Result) throws -> [SeedRow] {
        let figureSeed = context.seed(preferring: Self.seed)
        return try context.base.seeds.flatMap { seed -> [SeedRow] in
            if seed == figureSeed {
                return figure.panels.map { SeedRow(seed: seed, name: $0.name, neighbourAccuracy: $0.neighbourAccuracy) }
            }
            let key = context.spec(pair, hidden: hidden, seed: seed).key
            return try context.cache.value("tsne-seed\(seed)", inputs: seedInputs(context, model: key)) {
                try embed(context, seed: seed, cacheName: nil).panels.map {
                    SeedRow(seed: seed, name: $0.name, neighbourAccuracy: $0.neighbourAccuracy)
                }
            }
        }
    }

    /// The three embeddings of one seed's model; cached under `cacheName` when one is given.
    static func embed(_ context: StudyContext, seed: Int, cacheName: String?) throws -> Result {
        let key = context.spec(pair, hidden: hidden, seed: seed).key
        struct Inputs: Encodable {
            let study = "tsne"; let version: Int; let model: String; let iterations: Int?
        }
        let compute = { () throws -> Result in
            let model = try context.trainedModel(pair, hidden: hidden, seed: seed)
            let data = try context.heldOut(pair, seed: seed)
            let digits = try context.task(pair, seed: seed).heldOut.digits.map(Int.init)
            let variants = [("original", model),
                            ("pruned", MagnitudePruning.prune(model, fraction: MagnitudePruning.Reading.correct.fraction(level: level))),
                            ("pruned-published", MagnitudePruning.prune(model, fraction: MagnitudePruning.Reading.published.fraction(level: level)))]
            let started = ContinuousClock.now
            let f1s = Training.evaluate(variants.map(\.1), on: data, precision: .float64).map(\.f1)
            let panels = variants.enumerated().map { k, variant in
                var tsne = TSNE()
                if let iterations = context.base.tsneIterations { tsne.iterations = iterations }
                let embedding = tsne.run(HiddenActivations.of(variant.1, on: data), count: data.count, dimensions: hidden)
                return Panel(name: variant.0, result: embedding, f1: f1s[k],
                             neighbourAccuracy: TSNEQuality.neighbourAccuracy(embedding.embedding, labels: digits))
            }
            let elapsed = ContinuousClock.now - started
            return Result(digits: digits, panels: panels,
                          seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        guard let cacheName else { return try compute() }
        return try context.cache.value(cacheName, inputs: Inputs(version: version, model: key,
                                                                 iterations: context.base.tsneIterations),
                                       compute: compute)
    }
}
