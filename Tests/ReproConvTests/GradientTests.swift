import XCTest
import ReproNetwork
@testable import ReproConv

/// Finite-difference checks of every layer kind, through the toy network, on both conv paths
/// (oneDNN on dense × mask, our sparse kernels), in training mode (batch statistics) and in
/// inference mode (running statistics).
final class GradientTests: XCTestCase {
    /// Mean cross-entropy of `n` images already in the graph's input.
    private func loss(_ graph: ConvGraph, _ labels: [Int], training: Bool) throws -> Double {
        try graph.forward(labels.count, training: training)
        var losses = [Float](repeating: 0, count: labels.count)
        SoftmaxCrossEntropy.run(logits: graph.logits, labels: labels, classes: graph.classCount,
                                losses: &losses, gradients: graph.logitGradients, scale: 1 / Float(labels.count))
        return losses.reduce(0.0) { $0 + Double($1) } / Double(labels.count)
    }

    /// Relative error ‖a − b‖ / (‖a‖ + ‖b‖), or 0 when both are zero to float noise (a conv
    /// bias before a batch norm in training mode has no gradient).
    private func relativeError(_ a: [Double], _ b: [Double]) -> Double {
        if zip(a, b).allSatisfy({ abs($0) < 1e-4 && abs($1) < 1e-4 }) { return 0 }
        let d = zip(a, b).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
        let n = a.reduce(0.0) { $0 + $1 * $1 }.squareRoot() + b.reduce(0.0) { $0 + $1 * $1 }.squareRoot()
        return d / max(n, 1e-12)
    }

    private func check(sparseBelow: Double, training: Bool) throws {
        let net = try Toy.network(seed: 3, sparseBelow: sparseBelow)
        let graph = try ConvGraph(net, maxBatch: 4, threads: 2)
        XCTAssertEqual(graph.layers.map(\.isSparse), Array(repeating: sparseBelow > 1, count: 4)
            .enumerated().map { $0.offset == 3 ? false : $0.element })
        let data = try Toy.data(count: 4, seed: 5)
        let labels = data.labels
        graph.input.pointer.update(from: data.pixels, count: data.pixels.count)
        let eps: Float = 1e-3  // small enough not to cross ReLU and max-pool kinks

        _ = try loss(graph, labels, training: training)
        try graph.backward(4, training: training, parameters: true, toInput: true)
        let inputGrad = graph.inputGradient.array.prefix(4 * 36).map(Double.init)
        let layerGrads = graph.layers.map { l in l.gradients.array.map(Double.init) }
        let biasGrads = graph.layers.map { l in l.biasGradients?.array.map(Double.init) ?? [] }
        let gammaGrads = graph.norms.map { $0.gammaGradients.array.map(Double.init) }
        let betaGrads = graph.norms.map { $0.betaGradients.array.map(Double.init) }

        func numeric(_ p: UnsafeMutablePointer<Float>, _ count: Int, every step: Int = 1) throws -> [Double] {
            try stride(from: 0, to: count, by: step).map { j in
                let saved = p[j]
                p[j] = saved + eps
                let up = try loss(graph, labels, training: training)
                p[j] = saved - eps
                let down = try loss(graph, labels, training: training)
                p[j] = saved
                return (up - down) / Double(2 * eps)
            }
        }
        let mode = "\(training ? "training" : "inference"), sparse below \(sparseBelow)"
        // Every fifth pixel keeps the test fast.
        let sampled = stride(from: 0, to: 4 * 36, by: 5).map { inputGrad[$0] }
        XCTAssertLessThan(relativeError(sampled, try numeric(graph.input.pointer, 4 * 36, every: 5)), 2e-2,
                          "input, \(mode)")
        for (l, layer) in graph.layers.enumerated() {
            XCTAssertLessThan(relativeError(layerGrads[l], try numeric(layer.values.pointer, layer.values.count)),
                              2e-2, "\(layer.name) weights, \(mode)")
            if let b = layer.bias {
                XCTAssertLessThan(relativeError(biasGrads[l], try numeric(b.pointer, b.count)), 2e-2,
                                  "\(layer.name) bias, \(mode)")
            }
        }
        if training {
            for (i, n) in graph.norms.enumerated() {
                XCTAssertLessThan(relativeError(gammaGrads[i], try numeric(n.gamma.pointer, n.channels)), 2e-2,
                                  "\(n.name) gamma")
                XCTAssertLessThan(relativeError(betaGrads[i], try numeric(n.beta.pointer, n.channels)), 2e-2,
                                  "\(n.name) beta")
            }
        }
    }

    func testGradientsOnOneDNNInTrainingMode() throws { try check(sparseBelow: 0, training: true) }
    func testGradientsOnSparseKernelsInTrainingMode() throws { try check(sparseBelow: 2, training: true) }
    func testGradientsInInferenceMode() throws {
        try check(sparseBelow: 0, training: false)
        try check(sparseBelow: 2, training: false)
    }
}
