import ReproData
import ReproNN
import ReproSupport

/// Figs. 6–7: held-out F1 of h = 24, 48, 64 on (4, 9) under Gaussian noise and 7×7 occlusion.
/// Within a seed every size sees the same corrupted copy.
public enum RobustnessStudy {
    public static let version = 1
    public static let pair = Paper1Plan.hardestPair
    public static let sizes = [24, 48, 64]
    public static let sigmas = [0.1, 0.2, 0.3, 0.4, 0.5]

    public struct Row: Codable, Equatable, Sendable {
        public var seed: Int
        public var hidden: Int
        /// "clean", "gaussian" or "occlusion".
        public var corruption: String
        public var sigma: Double?
        public var f1: Double
    }

    /// Every seed of the base plan, each cached on its own (adding seeds computes only theirs).
    public static func run(_ context: StudyContext) throws -> [Row] {
        try context.base.seeds.flatMap { try unit(context, seed: $0) }
    }

    static func unit(_ context: StudyContext, seed: Int) throws -> [Row] {
        let keys = sizes.map { context.spec(pair, hidden: $0, seed: seed).key }
        struct Inputs: Encodable { let study = "robustness"; let version: Int; let models: [String]; let sigmas: [Double] }
        return try context.cache.value("robustness-seed\(seed)", inputs: Inputs(version: version, models: keys, sigmas: sigmas)) {
            let clean = try context.heldOut(pair, seed: seed)
            let models = try sizes.map { try context.trainedModel(pair, hidden: $0, seed: seed) }
            func evaluate(_ features: [Double], _ corruption: String, _ sigma: Double?) -> [Row] {
                let data = TrainingSet(features: features, labels: clean.labels, inputs: clean.inputs)
                return zip(sizes, Training.evaluate(models, on: data, precision: .float64)).map {
                    Row(seed: seed, hidden: $0, corruption: corruption, sigma: sigma, f1: $1.f1)
                }
            }
            var rows = evaluate(clean.features, "clean", nil)
            for sigma in sigmas {
                var rng = RandomStream(seed: seed, "gaussian", pair.slug, "sigma=\(sigma)")
                rows += evaluate(Corruption.gaussian(clean.features, sigma: sigma, rng: &rng), "gaussian", sigma)
            }
            var rng = RandomStream(seed: seed, "occlusion", pair.slug)
            rows += evaluate(Corruption.occlusion(clean.features, rng: &rng), "occlusion", nil)
            return rows
        }
    }
}
