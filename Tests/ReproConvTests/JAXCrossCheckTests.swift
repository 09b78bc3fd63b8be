import Foundation
import XCTest
import ReproNetwork
@testable import ReproConv

/// Our engine against JAX 0.4.38 (XLA on CPU) on the reference cases: inference-mode logits,
/// per-image losses and input gradients; training-mode mean loss, every parameter gradient and
/// the updated running statistics. Set REPRO_CONV_DUMP=<dir> to write the inputs the JAX script
/// reads.
final class JAXCrossCheckTests: XCTestCase {
    struct Fixture: Decodable {
        struct Inference: Decodable { var logits: [Float]; var losses: [Float]; var inputGradients: [Float] }
        struct Training: Decodable {
            var loss: Double
            var gradients: [String: [Float]]
            var runningMean: [String: [Float]]
            var runningVar: [String: [Float]]
        }
        var jax: String
        var inference: Inference
        var training: Training
    }

    func testDumpInputsWhenAsked() throws {
        guard let dir = ProcessInfo.processInfo.environment["REPRO_CONV_DUMP"] else { return }
        for name in ReferenceCase.names {
            try ReferenceCase.dump(name).write(to: URL(fileURLWithPath: dir).appendingPathComponent("\(name)-2-input.json"))
        }
    }

    func testAgainstJAX() throws {
        for name in ReferenceCase.names {
            guard let url = Bundle.module.url(forResource: "jax-\(name)-2", withExtension: "json",
                                              subdirectory: "Fixtures") else {
                return XCTFail("missing fixture for \(name)")
            }
            let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
            for below in [0.0, 2.0] {
                let net = try ReferenceCase.network(name, sparseBelow: below)
                let what = "\(name), sparse below \(below)"
                let result = try net.inference(batchSize: 4, threads: 2)
                    .lossesAndInputGradients(pixels: ReferenceCase.pixels, labels: ReferenceCase.labels)
                XCTAssertLessThan(maxDifference(result.logits, fixture.inference.logits), 1e-4, what)
                XCTAssertLessThan(maxDifference(result.losses, fixture.inference.losses), 1e-4, what)
                let scale = fixture.inference.inputGradients.map(abs).max()!
                XCTAssertGreaterThan(scale, 0, "degenerate case \(what)")
                XCTAssertLessThan(maxDifference(result.gradients, fixture.inference.inputGradients) / scale, 1e-3, what)

                // Training mode: one forward and backward pass of the 4 images.
                let graph = try ConvGraph(net, maxBatch: 4, threads: 2)
                graph.input.pointer.update(from: ReferenceCase.pixels, count: 4 * 784)
                try graph.forward(4, training: true)
                var losses = [Float](repeating: 0, count: 4)
                SoftmaxCrossEntropy.run(logits: graph.logits, labels: ReferenceCase.labels, classes: 10,
                                        losses: &losses, gradients: graph.logitGradients, scale: 0.25)
                XCTAssertEqual(Double(losses.reduce(0, +)) / 4, fixture.training.loss, accuracy: 1e-4, what)
                try graph.backward(4, training: true, parameters: true, toInput: false)
                var worst: Float = 0
                for layer in graph.layers {
                    let expected = fixture.training.gradients["\(layer.name).weight"]!
                    let ours = layer.gradients.array
                    let s = max(expected.map(abs).max()!, 1e-3)
                    // Ours exists at kept positions only; JAX's masked gradient is zero elsewhere.
                    worst = max(worst, maxDifference(ours, layer.positions.map { expected[$0] }) / s)
                    if let b = layer.biasGradients {
                        let e = fixture.training.gradients["\(layer.name).bias"]!
                        worst = max(worst, maxDifference(b.array, e) / max(e.map(abs).max()!, 1e-3))
                    }
                }
                for n in graph.norms {
                    for (key, buffer) in [("weight", n.gammaGradients), ("bias", n.betaGradients)] {
                        let e = fixture.training.gradients["\(n.name).\(key)"]!
                        worst = max(worst, maxDifference(buffer.array, e) / max(e.map(abs).max()!, 1e-3))
                    }
                    XCTAssertLessThan(maxDifference(n.runningMean.array, fixture.training.runningMean[n.name]!), 1e-5)
                    XCTAssertLessThan(maxDifference(n.runningVariance.array, fixture.training.runningVar[n.name]!), 1e-4)
                }
                XCTAssertLessThan(worst, 2e-3, "worst relative parameter-gradient difference, \(what)")
                print("JAX cross-check \(what): max |Δ logits| \(maxDifference(result.logits, fixture.inference.logits)), "
                      + "max |Δ input gradient| / max |gradient| "
                      + "\(maxDifference(result.gradients, fixture.inference.inputGradients) / scale), "
                      + "training loss \(Double(losses.reduce(0, +)) / 4) vs \(fixture.training.loss), "
                      + "worst relative parameter-gradient difference \(worst)")
            }
        }
    }
}
