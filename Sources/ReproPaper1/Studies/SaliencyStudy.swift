import ReproSupport
import ReproData
import ReproNN

/// Fig. 8: saliency maps of the first correctly classified and the first misclassified held-out
/// image, and of the correct one through the 95 %-pruned model (both readings).
public enum SaliencyStudy {
    public static let version = 1
    public static let pair = Paper1Plan.hardestPair
    public static let level = 95.0

    /// h = 24 as the paper's text says; h = 48, seed 42 as its code ran.
    public struct Configuration: Codable, Equatable, Sendable {
        public var hidden: Int
        public var seed: Int
        public var source: String
    }

    public static let configurations = [Configuration(hidden: 24, seed: 42, source: "paper"), Configuration(hidden: 48, seed: 42, source: "code")]

    public struct Map: Codable, Equatable, Sendable {
        /// "original", "misclassified", "pruned" or "pruned-published".
        public var model: String
        public var image: [Double]
        public var digit: Int
        public var probability: Double
        /// Normalised maps: finite differences with ε = 0.1 (code) and 0.01 (paper), and |∂p/∂x|.
        public var fdCode: [Double]
        public var fdPaper: [Double]
        public var gradient: [Double]
        /// Pearson correlation of each finite-difference map with the gradient map.
        public var correlationCode: Double
        public var correlationPaper: Double
    }

    public struct Result: Codable, Equatable, Sendable {
        public var configuration: Configuration
        public var maps: [Map]
    }

    public static func run(_ context: StudyContext) throws -> [Result] {
        let configurations = configurations.map { c -> Configuration in
            var c = c
            c.seed = context.seed(preferring: c.seed)
            return c
        }
        let keys = configurations.map { context.spec(pair, hidden: $0.hidden, seed: $0.seed).key }
        struct Inputs: Encodable { let study = "saliency"; let version: Int; let models: [String]; let configurations: [Configuration] }
        return try context.cache.value("saliency", inputs: Inputs(version: version, models: keys, configurations: configurations)) {
            try context.ensure(configurations.map { (pair, $0.hidden, $0.seed) })
            return try configurations.map { c in
                let model = try context.trainedModel(pair, hidden: c.hidden, seed: c.seed)
                let data = try context.heldOut(pair, seed: c.seed)
                let digits = try context.task(pair, seed: c.seed).heldOut.digits
                let p = Training.probabilities([model], on: data, precision: .float64)[0]
                let correct = p.indices.first { (p[$0] >= 0.5) == (data.labels[$0] == 1) }!
                let wrong = p.indices.first { (p[$0] >= 0.5) != (data.labels[$0] == 1) }   // nil when every image is right
                func image(_ i: Int) -> [Double] { Array(data.features[(i * data.inputs)..<((i + 1) * data.inputs)]) }
                func map(_ name: String, _ m: MLPParameters, _ i: Int) -> Map {
                    let x = image(i)
                    let gradient = Saliency.inputGradient(m, image: x)
                    let code = Saliency.finiteDifference(m, image: x, epsilon: 0.1), paper = Saliency.finiteDifference(m, image: x, epsilon: 0.01)
                    let probability = Training.probabilities([m], on: TrainingSet(features: x, labels: [0], inputs: x.count), precision: .float64)[0][0]
                    return Map(model: name, image: x, digit: Int(digits[i]), probability: probability,
                               fdCode: Saliency.normalized(code), fdPaper: Saliency.normalized(paper), gradient: Saliency.normalized(gradient),
                               correlationCode: Saliency.correlation(code, gradient), correlationPaper: Saliency.correlation(paper, gradient))
                }
                let pruned = MagnitudePruning.prune(model, fraction: MagnitudePruning.Reading.correct.fraction(level: level))
                let published = MagnitudePruning.prune(model, fraction: MagnitudePruning.Reading.published.fraction(level: level))
                return Result(configuration: c, maps: [map("original", model, correct)] + (wrong.map { [map("misclassified", model, $0)] } ?? [])
                                  + [map("pruned", pruned, correct), map("pruned-published", published, correct)])
            }
        }
    }
}
