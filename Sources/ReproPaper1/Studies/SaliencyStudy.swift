import ReproSupport
import ReproData
import ReproNN

/// Fig. 8: for each digit of the pair, saliency maps of the first correctly classified held-out image
/// of that digit, of the first misclassified one whose true digit it is, and of the correct one through
/// the 95 %-pruned model (both readings).
public enum SaliencyStudy {
    /// 2: one set of maps per digit (version 1 took the first correct and first wrong image of any digit).
    public static let version = 2
    public static let pair = Paper1Plan.hardestPair
    public static let level = 95.0
    public static let digits = [pair.low, pair.high]

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
        /// The image's true digit.
        public var digit: Int
        /// The model's probability of the pair's higher digit.
        public var probability: Double
        /// Normalised maps: finite differences with ε = 0.1 (code) and 0.01 (paper), and |∂p/∂x|.
        public var fdCode: [Double]
        public var fdPaper: [Double]
        public var gradient: [Double]
        /// Pearson correlation of each finite-difference map with the gradient map.
        public var correlationCode: Double
        public var correlationPaper: Double
    }

    /// How many held-out images of one digit there are and how many the original model gets wrong.
    public struct DigitCount: Codable, Equatable, Sendable {
        public var digit: Int
        public var images: Int
        public var misclassified: Int
    }

    public struct Result: Codable, Equatable, Sendable {
        public var configuration: Configuration
        /// For each digit in `digits`: original, misclassified (absent when the model gets every image
        /// of that digit right), pruned, pruned-published.
        public var maps: [Map]
        public var counts: [DigitCount]

        /// The map of `model` for an image of `digit`, if there is one.
        public func map(_ model: String, digit: Int) -> Map? {
            maps.first { $0.model == model && $0.digit == digit }
        }

        public func count(digit: Int) -> DigitCount? { counts.first { $0.digit == digit } }

        /// Correlation of `model`'s map (ε = 0.1) of the correct image of `digit` with the original's.
        public func correlationWithOriginal(_ model: String, digit: Int) -> Double? {
            guard let o = map("original", digit: digit), let m = map(model, digit: digit) else { return nil }
            return Saliency.correlation(o.fdCode, m.fdCode)
        }
    }

    /// The images one digit's maps are drawn from: the first of that digit the model gets right and
    /// the first it gets wrong (nil when there is none), and how many it has and gets wrong.
    public struct Pick: Equatable, Sendable {
        public var digit: Int
        public var correct: Int?
        public var wrong: Int?
        public var count: DigitCount
    }

    /// One pick per digit; `probabilities` are of label 1, right when on the label's side of 0.5.
    public static func picks(digits: [Int], labels: [UInt8], imageDigits: [UInt8], probabilities: [Double]) -> [Pick] {
        digits.map { d in
            let own = labels.indices.filter { Int(imageDigits[$0]) == d }
            let wrong = own.filter { (probabilities[$0] >= 0.5) != (labels[$0] == 1) }
            let wrongSet = Set(wrong)
            return Pick(digit: d, correct: own.first { !wrongSet.contains($0) }, wrong: wrong.first,
                        count: DigitCount(digit: d, images: own.count, misclassified: wrong.count))
        }
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
                let picked = picks(digits: Self.digits, labels: data.labels, imageDigits: digits, probabilities: p)
                var maps: [Map] = []
                for pick in picked {
                    if let correct = pick.correct { maps.append(map("original", model, correct)) }
                    if let wrong = pick.wrong { maps.append(map("misclassified", model, wrong)) }
                    if let correct = pick.correct {
                        maps += [map("pruned", pruned, correct), map("pruned-published", published, correct)]
                    }
                }
                return Result(configuration: c, maps: maps, counts: picked.map(\.count))
            }
        }
    }
}
