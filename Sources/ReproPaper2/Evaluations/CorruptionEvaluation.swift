import ReproMNISTC
import ReproSparse
import ReproSupport

/// The MNIST-C images of one seed: `corruptionImages` test images, each corrupted
/// `corruptionDraws` times by each of the 15 corruptions, image k of draw d from
/// (seed, "mnist-c", corruption, draw, test index). They depend on the seed only, so they are
/// built once and shared by every network of that seed. A corruption without randomness is
/// computed once (its draws would be identical).
final class CorruptedImages: @unchecked Sendable {
    let identity: SparseDataset
    let sets: [(corruption: MNISTCorruption, draws: [SparseDataset])]

    init(seed: Int, settings: RobustnessSettings, images: EvaluationImages,
         workers: Int) throws {
        let indices = images.subset(size: settings.corruptionImages, seed: seed,
                                    purpose: "mnist-c")
        let labels = indices.map { images.labels[$0] }
        let clean = images.bytes(of: indices)
        identity = try SparseDataset(bytes: clean, labels: labels.map(UInt8.init))
        sets = try MNISTCorruption.allCases.map { corruption in
            let draws = corruption.isRandom ? settings.corruptionDraws : 1
            let sets = try (0..<draws).map { draw -> SparseDataset in
                let pixels = corruption.apply(toBatch: clean, range: .unit, workers: workers) {
                    k in
                    RandomStream(seed: seed, "mnist-c", corruption.rawValue, "draw=\(draw)",
                                 "image=\(indices[k])")
                }
                return try SparseDataset(pixels: pixels, labels: labels)
            }
            return (corruption, sets)
        }
    }
}

/// Accuracy on MNIST-C (paper Fig. 2, 5, 7, 9): per corruption (mean over its draws, each draw
/// kept), the mean over the 15, and the same images uncorrupted (`identity`).
enum CorruptionEvaluation {
    static func measure(_ model: SparseMLP, on images: CorruptedImages,
                        threads: Int) throws -> [MeasuredValue] {
        let engine = try SparseInference(model: model, threads: threads)
        var values = [MeasuredValue(.mnistC, setting: "identity",
                                    value: try engine.evaluate(images.identity).accuracy)]
        for (corruption, draws) in images.sets {
            let accuracies = try draws.map { try engine.evaluate($0).accuracy }
            values.append(MeasuredValue(.mnistC, setting: corruption.rawValue,
                                        value: Summary(accuracies).mean, draws: accuracies))
        }
        let perCorruption = values.dropFirst().map(\.value)
        values.append(MeasuredValue(.mnistC, setting: "mean",
                                    value: Summary(Array(perCorruption)).mean))
        return values
    }
}
