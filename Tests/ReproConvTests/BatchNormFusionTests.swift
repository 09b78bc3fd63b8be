import XCTest
import ReproNetwork
@testable import ReproConv

/// A ReLU fused into the batch norm before it gives the bits of the two run one after the other,
/// forward and backward, in training and inference mode.
final class BatchNormFusionTests: XCTestCase {
    let s = BatchNormKernel.Shape(batch: 3, channels: 4, positions: 21)
    var count: Int { s.batch * s.channels * s.positions }

    func testFusedReluGivesTheSameBits() {
        let x = randomFloats(count, seed: 1, "x"), dy = randomFloats(count, seed: 1, "dy")
        let gamma = randomFloats(4, seed: 1, "gamma"), beta = randomFloats(4, seed: 1, "beta")
        let variance: [Float] = [0.5, 1, 2, 3]
        var results: [[[Float]]] = []
        for fused in [false, true] {
            var y = [Float](repeating: 0, count: count), mean = [Float](repeating: 0, count: 4), inv = mean
            var rm: [Float] = [0.1, 0.2, 0.3, 0.4], rv = variance
            BatchNormKernel.forwardTraining(s, x: x, gamma: gamma, beta: beta, y: &y, mean: &mean, invStd: &inv,
                                            runningMean: &rm, runningVar: &rv, relu: fused, threads: 2)
            var yInference = [Float](repeating: 0, count: count)
            BatchNormKernel.forwardInference(s, x: x, gamma: gamma, beta: beta, runningMean: rm, runningVar: rv,
                                             y: &yInference, relu: fused, threads: 2)
            if !fused { y = y.map { max(0, $0) }; yInference = yInference.map { max(0, $0) } }
            // The ReLU's backward pass, done apart or left to the batch norm.
            let masked = zip(y, dy).map { $0 > 0 ? $1 : 0 }
            var dx = [Float](repeating: 0, count: count), dg = [Float](repeating: 0, count: 4), db = dg
            BatchNormKernel.backwardTraining(s, x: x, dy: fused ? dy : masked, reluOutput: fused ? y : nil,
                                             gamma: gamma, mean: mean, invStd: inv, dx: &dx, dGamma: &dg,
                                             dBeta: &db, threads: 2)
            let maskedInference = zip(yInference, dy).map { $0 > 0 ? $1 : 0 }
            var dxInference = [Float](repeating: 0, count: count)
            BatchNormKernel.backwardInference(s, dy: fused ? dy : maskedInference,
                                              reluOutput: fused ? yInference : nil, gamma: gamma, runningVar: rv,
                                              dx: &dxInference, threads: 2)
            results.append([y, yInference, dx, dg, db, dxInference, rm, rv])
        }
        XCTAssertTrue(results[1][0].contains(0) && results[1][0].contains { $0 > 0 }, "the ReLU must cut")
        XCTAssertEqual(results[0], results[1])
    }
}

/// Inference passes with every batch norm (and its ReLU) folded into the sparse conv before it
/// give the bits of the three layers run apart: logits, losses and input gradients.
final class BatchNormFoldingTests: XCTestCase {
    func testFoldedInferenceGivesTheSameBits() throws {
        let nets = try [Toy.network(seed: 3, sparseBelow: 2)]
            + ReferenceCase.names.map { try ReferenceCase.network($0, sparseBelow: 2) }
        for net in nets {
            let count = 5
            let pixels = randomFloats(count * net.inputSize, seed: 2, "fold").map { ($0 + 1) / 2 }
            let labels = (0..<count).map { $0 % net.classCount }
            var results: [InputGradients] = []
            for folds in [false, true] {
                let inference = try net.inference(batchSize: 3, threads: 2)
                inference.graph.foldsNorms = folds
                results.append(try inference.lossesAndInputGradients(pixels: pixels, labels: labels))
            }
            XCTAssertEqual(results[0].logits, results[1].logits, net.architecture.name)
            XCTAssertEqual(results[0].losses, results[1].losses, net.architecture.name)
            XCTAssertEqual(results[0].gradients, results[1].gradients, net.architecture.name)
        }
    }
}
