import ReproMNISTC
import ReproNetwork
import ReproSupport

/// The MNIST-C images of one seed: `corruptionImages` test images, each corrupted
/// `corruptionDraws` times by each of the 15 corruptions, image k of draw d from
/// (seed, "mnist-c", corruption, draw, test index). They depend on the seed only, so they are
/// built once and shared by every network of that seed. A corruption without randomness is
/// computed once (its draws would be identical).
public final class CorruptedImages: @unchecked Sendable {
    public let identity: LabeledPixels
    public let sets: [(corruption: MNISTCorruption, draws: [LabeledPixels])]

    public init(seed: Int, settings: RobustnessSettings, images: EvaluationImages,
                workers: Int) throws {
        let indices = images.subset(size: settings.corruptionImages, seed: seed,
                                    purpose: "mnist-c")
        let labels = indices.map { images.labels[$0] }
        let clean = images.bytes(of: indices)
        let size = EvaluationImages.pixels
        identity = try LabeledPixels(bytes: clean, labels: labels.map(UInt8.init), inputSize: size)
        sets = try MNISTCorruption.allCases.map { corruption in
            let draws = corruption.isRandom ? settings.corruptionDraws : 1
            let sets = try (0..<draws).map { draw -> LabeledPixels in
                let pixels = corruption.apply(toBatch: clean, range: .unit, workers: workers) {
                    k in
                    RandomStream(seed: seed, "mnist-c", corruption.rawValue, "draw=\(draw)",
                                 "image=\(indices[k])")
                }
                return try LabeledPixels(pixels: pixels, labels: labels, inputSize: size)
            }
            return (corruption, sets)
        }
    }
}
