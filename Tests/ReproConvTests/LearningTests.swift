import XCTest
import ReproNetwork
import ReproSupport
@testable import ReproConv

/// The real architectures learn: a width-2 VGG11 and ResNet18 at the capacity of width 1 (the
/// uniform rule keeps a quarter of every layer) fit a small synthetic 10-class task to the
/// stopping rule and classify new images of it.
final class LearningTests: XCTestCase {
    /// 28×28 images: a vertical stroke whose column depends on the class, with pixel noise.
    static func strokes(count: Int, seed: Int) throws -> LabeledPixels {
        var rng = RandomStream(seed: seed, "strokes")
        var pixels = [Float](repeating: 0, count: count * 784)
        let labels = (0..<count).map { $0 % 10 }
        for (n, label) in labels.enumerated() {
            for p in 0..<784 { pixels[n * 784 + p] = Float(rng.nextUniform() * 0.2) }
            for r in 4..<24 { pixels[n * 784 + r * 28 + 4 + 2 * label] = 1 }
        }
        return try LabeledPixels(pixels: pixels, labels: labels, inputSize: 784)
    }

    func testVGGAndResNetReachTheStoppingRule() throws {
        let data = try Self.strokes(count: 160, seed: 0)
        var options = ConvTrainingOptions()
        options.batchSize = 32; options.maxEpochs = 30; options.learningRate = 0.05
        for name in ["vgg11", "resnet18"] {
            let a = try ConvArchitectures.make(name, width: 2)
            let masks = try ConvNetwork.masks(architecture: a, rule: .uniform, seed: 0, baseWidth: 1)
            let result = try ConvTrainer.train(architecture: a, masks: masks, seed: 0, data: data, options: options)
            XCTAssertEqual(result.stopReason, .lossBelowThreshold, "\(name): \(result.history.map(\.meanLoss))")
            let score = try result.network.inference(batchSize: 64, threads: 1)
                .evaluate(try Self.strokes(count: 100, seed: 1))
            XCTAssertGreaterThan(score.accuracy, 0.9, name)
        }
    }
}
