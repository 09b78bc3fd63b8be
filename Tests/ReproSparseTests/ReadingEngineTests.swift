import XCTest

@testable import ReproSparse
import ReproNetwork

/// The engine's parts of the protocol variants: the normal initialisation's scale, a network
/// without biases, a network without input normalisation, the output-dense mask split.
final class ReadingEngineTests: XCTestCase {
    private let data = Synthetic(inputs: 24, count: 90, classes: 4, seed: 31)

    private func layer(_ distribution: InitialDistribution, biases: Bool = true) throws
        -> SparseLayer
    {
        var mask = SplitMix64(5), values = SplitMix64(6)
        let shape = try SparseLayerShape(fanIn: 784, fanOut: 512, kept: 100_352)
        return try SparseLayer.random(shape: shape, mask: &mask, initialisation: &values,
                                      distribution: distribution, biases: biases)
    }

    private func std(_ x: [Float]) -> Double {
        let mean = x.reduce(0.0) { $0 + Double($1) } / Double(x.count)
        return (x.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) }
            / Double(x.count)).squareRoot()
    }

    func testNormalInitialisationHasTheUniformsStandardDeviation() throws {
        let s = 1 / (784 * 0.25).squareRoot()
        let uniform = try layer(.uniform), normal = try layer(.normalMatchingUniform)
        XCTAssertEqual(uniform.indices, normal.indices, "the mask does not depend on the values")
        XCTAssertEqual(std(uniform.values), s / 3.0.squareRoot(), accuracy: 0.01 * s)
        XCTAssertEqual(std(normal.values), s / 3.0.squareRoot(), accuracy: 0.01 * s)
        XCTAssertTrue(uniform.values.allSatisfy { abs(Double($0)) <= s })
        XCTAssertGreaterThan(normal.values.map { abs(Double($0)) }.max() ?? 0, s,
                             "a normal has tails beyond the uniform's bound")
    }

    func testTheUniformDrawIsTheOneItAlwaysWas() throws {
        var mask = SplitMix64(5), values = SplitMix64(6)
        let shape = try SparseLayerShape(fanIn: 20, fanOut: 7, kept: 30)
        let layer = try SparseLayer.random(shape: shape, mask: &mask, initialisation: &values)
        var again = SplitMix64(6)
        let s = 1 / (20 * shape.keep).squareRoot()
        let expected = (0..<(30 + 7)).map { _ in
            Float((2 * RandomDraws.uniform(&again) - 1) * s)
        }
        XCTAssertEqual(layer.values + layer.bias, expected)
    }

    func testWithoutBiasesTheyAreZeroAndStayZero() throws {
        let none = try layer(.uniform, biases: false), with = try layer(.uniform)
        XCTAssertTrue(none.bias.allSatisfy { $0 == 0 })
        XCTAssertEqual(none.values, with.values, "no draws are spent on absent biases")
        var mask = SplitMix64(1), values = SplitMix64(2)
        let shapes = [try SparseLayerShape(fanIn: 24, fanOut: 48, kept: 200),
                      try SparseLayerShape(fanIn: 48, fanOut: 4, kept: 60)]
        let model = try SparseMLP(layers: shapes.map {
            try SparseLayer.random(shape: $0, mask: &mask, initialisation: &values, biases: false)
        })
        for trainsBiases in [false, true] {
            let trainer = try SparseTrainer(model: model, options: SparseTrainingOptions(
                batchSize: 16, learningRate: 0.1, trainsBiases: trainsBiases))
            for epoch in 0..<3 {
                var rng = SplitMix64(UInt64(epoch))
                _ = try trainer.trainEpoch(on: try data.dataset(), shuffling: &rng)
            }
            let trained = trainer.model
            XCTAssertNotEqual(trained.layers[0].values, model.layers[0].values)
            XCTAssertEqual(trained.layers.allSatisfy { $0.bias.allSatisfy { $0 == 0 } },
                           !trainsBiases, "biases move only when trained")
            if !trainsBiases {
                XCTAssertTrue(trainer.snapshot().biasVelocities.allSatisfy {
                    $0.allSatisfy { $0 == 0 }
                }, "no momentum builds up either")
            }
        }
    }

    func testWithoutNormalisationThePixelsGoStraightIn() throws {
        let w: [Float] = [0.5, -1, 2, 0.25, 1, -0.5]
        let layer = try SparseLayer(denseWeights: w, fanIn: 3, fanOut: 2, bias: [0.1, -0.2])
        let raw = try SparseMLP(layers: [layer], normalisation: nil)
        let normalised = try SparseMLP(layers: [layer])
        let x: [Float] = [0.2, 0.0, 0.9]
        let logits = try SparseInference(model: raw).logits(pixels: x)
        for o in 0..<2 {
            let direct = (0..<3).reduce(layer.bias[o]) { $0 + w[o * 3 + $1] * x[$1] }
            XCTAssertEqual(logits[o], direct, accuracy: 1e-6)
        }
        let other = try SparseInference(model: normalised).logits(pixels: x)
        XCTAssertNotEqual(logits, other, "the first operation differs")
        // The input gradient of the raw model has no 1/0.3081 factor.
        let gRaw = try SparseInference(model: raw).lossesAndInputGradients(pixels: x, labels: [1])
        let gNorm = try SparseInference(model: try raw.normalising(.mnist))
            .lossesAndInputGradients(pixels: x, labels: [1])
        XCTAssertEqual(gRaw.gradients.count, 3)
        XCTAssertTrue(gNorm.gradients.allSatisfy(\.isFinite))
        // Pruning and weight noise keep the input transform.
        XCTAssertFalse(try MagnitudePruning.prune(raw, keep: [3]).normalisesInput)
        var rng = SplitMix64(9)
        XCTAssertFalse(try WeightNoise.perturbed(raw, sigma: 0.1, using: &rng).normalisesInput)
    }

    /// CIFAR's normalisation: each plane by its own channel's mean and deviation, in the logits
    /// (hand-computed) and in the input gradients (finite differences in pixel space).
    func testPerChannelNormalisationActsPlaneByPlane() throws {
        let n = try InputNormalisation(means: [0.5, 0.25, 0.0], deviations: [0.5, 0.25, 2.0])
        XCTAssertEqual(n.apply(0.75, at: 1, of: 6), 0.5)       // channel 0: (0.75 − 0.5) / 0.5
        XCTAssertEqual(n.apply(0.75, at: 3, of: 6), 2.0)       // channel 1: (0.75 − 0.25) / 0.25
        XCTAssertEqual(n.apply(0.75, at: 5, of: 6), 0.375)     // channel 2: 0.75 / 2
        // MNIST's one channel is the formula it always was, bit for bit.
        for x: Float in [0, 0.2, 0.5, 1] {
            XCTAssertEqual(InputNormalisation.mnist.apply(x, at: 700, of: 784), (x - 0.1307) / 0.3081)
        }
        let w: [Float] = [0.5, -1, 2, 0.25, 1, -0.5, 0.3, 0.7, -0.2, 0.1, -0.4, 0.9]
        let layer = try SparseLayer(denseWeights: w, fanIn: 6, fanOut: 2, bias: [0.1, -0.2])
        let model = try SparseMLP(layers: [layer], normalisation: n)
        let x: [Float] = [0.2, 0.9, 0.4, 0.1, 0.6, 0.3]
        let logits = try SparseInference(model: model).logits(pixels: x)
        let z = x.indices.map { (x[$0] - [0.5, 0.25, 0.0][$0 / 2]) / [0.5, 0.25, 2.0][$0 / 2] }
        for o in 0..<2 {
            let direct = (0..<6).reduce(layer.bias[o]) { $0 + w[o * 6 + $1] * z[$1] }
            XCTAssertEqual(logits[o], direct, accuracy: 1e-5)
        }
        let g = try SparseInference(model: model).lossesAndInputGradients(pixels: x, labels: [1])
        for i in x.indices {
            var up = x, down = x
            up[i] += 1e-2; down[i] -= 1e-2
            let lu = try SparseInference(model: model).lossesAndInputGradients(pixels: up, labels: [1])
            let ld = try SparseInference(model: model).lossesAndInputGradients(pixels: down, labels: [1])
            XCTAssertEqual(g.gradients[i], (lu.losses[0] - ld.losses[0]) / 2e-2, accuracy: 2e-3,
                           "input \(i)")
        }
        XCTAssertThrowsError(try SparseMLP(layers: [try SparseLayer(
            denseWeights: [Float](repeating: 0, count: 10), fanIn: 5, fanOut: 2,
            bias: [0, 0])], normalisation: n)) {
            XCTAssertTrue("\($0)".contains("3 channels"), "\($0)")
        }
        // Data normalised for MNIST is refused by a CIFAR-normalised model.
        let data = try SparseDataset(pixels: x, labels: [1], inputSize: 6, normalisation: .mnist)
        XCTAssertThrowsError(try SparseInference(model: model).evaluate(data))
    }

    func testDataPreparedForTheOtherKindOfModelIsRefused() throws {
        let layer = try SparseLayer(denseWeights: [Float](repeating: 0.1, count: 24 * 4),
                                    fanIn: 24, fanOut: 4, bias: [0, 0, 0, 0])
        let raw = try SparseMLP(layers: [layer], normalisation: nil)
        let normalisedData = try data.dataset()
        XCTAssertThrowsError(try SparseInference(model: raw).evaluate(normalisedData)) {
            XCTAssertTrue("\($0)".contains("normalised"), "\($0)")
        }
        XCTAssertThrowsError(try SparseTrainer(model: raw).trainEpoch(
            on: normalisedData, order: Array(0..<90)))
        let rawData = try SparseDataset(pixels: data.pixels, labels: data.labels, inputSize: 24,
                                        normalisation: nil)
        XCTAssertNoThrow(try SparseInference(model: raw).evaluate(rawData))
    }

    func testOutputDenseSplitIsWideSparseNetsTable() throws {
        // paper2-protocol.md B §1.2, fc-only split (fract_freeze_cl = 0).
        let table = [128: (100_352, 1_280), 256: (99_072, 2_560), 1024: (91_392, 10_240),
                     4096: (60_672, 40_960), 8192: (19_712, 81_920)]
        for (width, (fc, cl)) in table {
            let shapes = try SparseFamilies.widthOutputDense(width)
            XCTAssertEqual(shapes.map(\.kept), [fc, cl], "width \(width)")
            XCTAssertEqual(shapes[1].kept, shapes[1].fanIn * shapes[1].fanOut, "output dense")
            XCTAssertEqual(shapes.map(\.kept).reduce(0, +),
                           try SparseFamilies.width(width).map(\.kept).reduce(0, +))
        }
        XCTAssertEqual(SparseFamilies.outputDenseLimit(), 10_163)
        XCTAssertNoThrow(try SparseFamilies.widthOutputDense(10_163))
        XCTAssertThrowsError(try SparseFamilies.widthOutputDense(16_384)) {
            XCTAssertTrue("\($0)".contains("10163"), "\($0)")
        }
    }
}
