import ReproAttacks
import ReproData
import ReproNetwork
import ReproPlot
import ReproRobustness
import ReproTestSupport
import XCTest

/// The seam's proof: a network the tool has never seen (``ToyNetwork``: a skip connection, its
/// own engine) goes through every evaluation — weight noise, the 15 MNIST-C corruptions, the
/// five attacks, minimum class recall, post-training pruning — and into a rendered figure,
/// through `Network` alone.
final class SeamTests: XCTestCase {
    let settings = RobustnessSettings(
        sigmas: [0, 0.5], noiseDraws: 2, corruptionImages: 20, corruptionDraws: 2,
        attackImages: 20, attacks: AttackKind.allCases, epsilons: [0, 0.6])

    func setUpData() throws -> (ToyNetwork, EvaluationImages, LabeledPixels) {
        try Self.data()
    }

    static func data() throws -> (ToyNetwork, EvaluationImages, LabeledPixels) {
        let mnist = try SyntheticMNIST.mnist()
        let train = try LabeledPixels(bytes: mnist.trainImages, labels: mnist.trainLabels,
                                      inputSize: 784)
        let test = try LabeledPixels(bytes: mnist.testImages, labels: mnist.testLabels,
                                     inputSize: 784)
        return (ToyNetwork.fitted(pixels: train.pixels, labels: train.labels, seed: 3),
                EvaluationImages(mnist), test)
    }

    func testEveryEvaluationReachesANewArchitecture() throws {
        let (toy, images, test) = try setUpData()
        let clean = try toy.inference(batchSize: 8, threads: 1).evaluate(test)
        XCTAssertGreaterThan(clean.accuracy, 0.5, "the template matcher classifies the bars")
        XCTAssertEqual(clean.minimumRecall, clean.perClassRecall.min())

        let noise = try WeightNoiseEvaluation.measure(toy, seed: 1, settings: settings,
                                                      test: test, threads: 1)
        func value(_ values: [MeasuredValue], _ e: RobustnessEvaluation, _ s: EvaluationSetting) -> Double? {
            values.first { $0.evaluation == e && $0.setting == s }?.value
        }
        XCTAssertEqual(value(noise, .weightNoise, "0.0"), clean.accuracy)
        XCTAssertEqual(value(noise, .weightNoiseDL, "0.0"), 0)
        XCTAssertNotEqual(try XCTUnwrap(value(noise, .weightNoiseDL, "0.5")), 0)

        let corrupted = try CorruptedImages(seed: 1, settings: settings, images: images,
                                            workers: 1)
        let mnistC = try CorruptionEvaluation.measure(toy, on: corrupted, threads: 1)
        XCTAssertEqual(mnistC.count, 17)
        let fifteen = mnistC.filter { !["mean", "identity"].contains($0.setting) }.map(\.value)
        XCTAssertEqual(try XCTUnwrap(value(mnistC, .mnistC, "mean")),
                       fifteen.reduce(0, +) / 15, accuracy: 1e-12)

        let attacks = try AttackEvaluation.measure(toy, seed: 1, settings: settings,
                                                   images: images, threads: 1)
        XCTAssertEqual(attacks.count, 10)
        let unattacked = Set(attacks.filter { $0.setting == "0.0" }.map(\.value))
        XCTAssertEqual(unattacked.count, 1, "ε = 0 changes no prediction")
        for kind in [RobustnessEvaluation.bim, .pgd, .apgd] {
            XCTAssertLessThan(try XCTUnwrap(value(attacks, kind, "0.6")),
                              try XCTUnwrap(unattacked.first), "\(kind) at ε = 0.6 hurts")
        }

        let pruned = try toy.pruned(keep: toy.layerSizes.map { $0 / 4 })
        XCTAssertEqual(pruned.keptPerLayer, toy.layerSizes.map { $0 / 4 })
        XCTAssertEqual(pruned.capacity, toy.capacity)
        XCTAssertEqual(pruned.keptWeights, toy.capacity / 4 - 0)
        XCTAssertEqual(toy.tensors.names, ["in.weight", "out.weight", "skip.weight"])

        // One figure: accuracy against σ, rendered.
        var axes = Axes(title: "toy network", xLabel: "σ", yLabel: "test accuracy")
        let curve = noise.filter { $0.evaluation == .weightNoise }
        axes.series = [.line(LineSeries(x: curve.compactMap { $0.setting.number },
                                        y: curve.map(\.value)))]
        let image = try FigureRenderer.raster(Figure(width: 3, height: 2, axes), dpi: 100)
        XCTAssertGreaterThan(image.count(differingFrom: .white), 500)
    }
}

final class ToyNetworkTests: XCTestCase {
    /// The toy engine's input gradient is the loss's, by central differences.
    func testInputGradientMatchesFiniteDifferences() throws {
        let (toy, _, test) = try SeamTests.data()
        let inference = try toy.inference(batchSize: 1, threads: 1)
        let x = Array(test.pixels[0..<784]), y = [test.labels[0]]
        let g = try inference.lossesAndInputGradients(pixels: x, labels: y)
        for i in stride(from: 0, to: 784, by: 37) {
            var up = x, down = x
            up[i] += 1e-2; down[i] -= 1e-2
            let fd = (try inference.lossesAndInputGradients(pixels: up, labels: y).losses[0]
                - inference.lossesAndInputGradients(pixels: down, labels: y).losses[0]) / 2e-2
            XCTAssertEqual(g.gradients[i], fd, accuracy: 1e-3 + 1e-2 * abs(fd), "pixel \(i)")
        }
    }
}
