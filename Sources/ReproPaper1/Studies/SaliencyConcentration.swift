import ReproSupport
import ReproData
import ReproNN

/// Does the saliency of a correctly classified image sit on the digit's strokes (4.7.1)? For every
/// held-out image a model classifies right: the share of its saliency mass (finite differences,
/// ε = 0.1, as the code ran) on stroke pixels (x > 0.1) against the share of stroke pixels in the
/// image. A ratio of mass share to pixel share near 1 means the map ignores the strokes.
public enum SaliencyConcentration {
    public static let version = 1
    public static let pair = SaliencyStudy.pair
    /// The paper's configuration (4.7): h = 24.
    public static let hidden = 24
    public static let strokeThreshold = 0.1
    public static let epsilon = 0.1

    public struct Row: Codable, Equatable, Sendable {
        public var seed: Int
        public var hidden: Int
        /// "original", "pruned" (95 %) or "pruned-published" (0.95 %, as the code ran).
        public var model: String
        /// Correctly classified held-out images that entered the means (those with some saliency
        /// and some stroke pixels).
        public var images: Int
        /// Means over those images of the saliency share on stroke pixels, of the stroke pixels'
        /// share of the image, and of the per-image ratio of the two.
        public var massShare: Double
        public var pixelShare: Double
        public var ratio: Double
    }

    /// One image's (saliency share on stroke pixels, stroke pixels' share); nil when the map is all
    /// zero or the image has no stroke pixel.
    public static func shares(saliency: [Double], image: [Double],
                              threshold: Double = strokeThreshold) -> (mass: Double, pixels: Double)? {
        precondition(saliency.count == image.count && !image.isEmpty)
        let total = saliency.reduce(0, +)
        let stroke = image.indices.filter { image[$0] > threshold }
        guard total > 0, !stroke.isEmpty else { return nil }
        return (stroke.reduce(0) { $0 + saliency[$1] } / total, Double(stroke.count) / Double(image.count))
    }

    /// The row of one model over the images of `data` it classifies right.
    public static func row(seed: Int, hidden: Int, model name: String, _ model: MLPParameters,
                           on data: TrainingSet, epsilon: Double = epsilon) -> Row {
        let p = Training.probabilities([model], on: data, precision: .float64)[0]
        var mass: [Double] = [], pixels: [Double] = [], ratios: [Double] = []
        for i in 0..<data.count where (p[i] >= 0.5) == (data.labels[i] == 1) {
            let image = Array(data.features[(i * data.inputs)..<((i + 1) * data.inputs)])
            guard let s = shares(saliency: Saliency.finiteDifference(model, image: image, epsilon: epsilon),
                                 image: image) else { continue }
            mass.append(s.mass); pixels.append(s.pixels); ratios.append(s.mass / s.pixels)
        }
        func mean(_ v: [Double]) -> Double { v.isEmpty ? .nan : v.reduce(0, +) / Double(v.count) }
        return Row(seed: seed, hidden: hidden, model: name, images: mass.count,
                   massShare: mean(mass), pixelShare: mean(pixels), ratio: mean(ratios))
    }

    /// The original model and both 95 % prunings, for each of the base plan's seeds (one cache entry each).
    public static func run(_ context: StudyContext) throws -> [Row] {
        try context.ensure(context.base.seeds.map { (pair, hidden, $0) })
        return try context.base.seeds.flatMap { seed in try unit(context, seed: seed) }
    }

    static func unit(_ context: StudyContext, seed: Int) throws -> [Row] {
        struct Inputs: Encodable {
            let study = "saliency-concentration"; let version: Int; let model: String
            let epsilon: Double; let threshold: Double; let level: Double
        }
        let inputs = Inputs(version: version, model: context.spec(pair, hidden: hidden, seed: seed).key,
                            epsilon: epsilon, threshold: strokeThreshold, level: SaliencyStudy.level)
        return try context.cache.value("saliency-concentration-\(pair.slug)-seed\(seed)", inputs: inputs) {
            let model = try context.trainedModel(pair, hidden: hidden, seed: seed)
            let data = try context.heldOut(pair, seed: seed)
            let models: [(String, MLPParameters)] = [("original", model)] + MagnitudePruning.Reading.allCases.map { reading in
                (reading == .correct ? "pruned" : "pruned-published",
                 MagnitudePruning.prune(model, fraction: reading.fraction(level: SaliencyStudy.level)))
            }
            return models.map { row(seed: seed, hidden: hidden, model: $0.0, $0.1, on: data) }
        }
    }
}
