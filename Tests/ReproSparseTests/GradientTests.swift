import XCTest

@testable import ReproSparse

/// The engine's gradients against central finite differences of a plain Double reference.
final class GradientTests: XCTestCase {
    /// Three layers with masks (sparse kernels in the first two, dense BLAS in the last).
    private func model() throws -> SparseMLP {
        try randomModel([(20, 16, 60), (16, 12, 40), (12, 5, 60)], seed: 21)
    }

    func testWeightAndBiasGradientsMatchFiniteDifferences() throws {
        for kernels in [SparseKernelChoice.automatic, .sparse, .dense] {
            try checkWeightGradients(kernels)
        }
    }

    private func checkWeightGradients(_ kernels: SparseKernelChoice) throws {
        let data = Synthetic(inputs: 20, count: 24, classes: 5, seed: 4)
        let m = try model()
        // One step at learning rate 1 without momentum moves each parameter by its gradient.
        let trainer = try SparseTrainer(
            model: m,
            options: SparseTrainingOptions(
                batchSize: 24, learningRate: 1, momentum: 0, kernels: kernels))
        if kernels == .automatic { XCTAssertEqual(trainer.denseLayers, [false, false, true]) }
        _ = try trainer.trainEpoch(on: try data.dataset(), order: Array(0..<24))
        let stepped = trainer.model
        let reference = ReferenceMLP(m)
        let h = 1e-6
        var checked = 0
        for l in m.layers.indices {
            let layer = m.layers[l]
            for q in stride(from: 0, to: layer.kept, by: 3) {
                let p = Int(layer.indices[q])
                var plus = reference
                var minus = reference
                plus.weights[l][p] += h
                minus.weights[l][p] -= h
                let fd =
                    (plus.meanLoss(data.pixels, data.labels)
                        - minus.meanLoss(data.pixels, data.labels)) / (2 * h)
                let engine = Double(layer.values[q]) - Double(stepped.layers[l].values[q])
                XCTAssertEqual(
                    engine, fd, accuracy: 2e-5 + 1e-3 * abs(fd), "\(kernels) layer \(l) weight \(p)"
                )
                checked += 1
            }
            for o in 0..<layer.fanOut {
                var plus = reference
                var minus = reference
                plus.bias[l][o] += h
                minus.bias[l][o] -= h
                let fd =
                    (plus.meanLoss(data.pixels, data.labels)
                        - minus.meanLoss(data.pixels, data.labels)) / (2 * h)
                let engine = Double(layer.bias[o]) - Double(stepped.layers[l].bias[o])
                XCTAssertEqual(engine, fd, accuracy: 2e-5 + 1e-3 * abs(fd), "layer \(l) bias \(o)")
            }
        }
        XCTAssertGreaterThan(checked, 40)
    }

    func testInputGradientsMatchFiniteDifferences() throws {
        let data = Synthetic(inputs: 20, count: 40, classes: 5, seed: 8)
        let m = try model()
        let inference = try SparseInference(model: m, batchSize: 16)  // several batches
        let g = try inference.lossesAndInputGradients(
            pixels: data.pixels, labels: data.labels)
        // The logits come from the same forward pass as a plain forward pass's.
        XCTAssertEqual(
            g.logits.map(\.bitPattern),
            try inference.logits(pixels: data.pixels).map(\.bitPattern))
        let reference = ReferenceMLP(m)
        let h = 1e-6
        for s in stride(from: 0, to: 40, by: 7) {
            let px = Array(data.pixels[(s * 20)..<((s + 1) * 20)])
            XCTAssertEqual(
                Double(g.losses[s]), reference.meanLoss(px, [data.labels[s]]), accuracy: 1e-5)
            for i in 0..<20 {
                var up = px
                var down = px
                up[i] += Float(h)
                down[i] -= Float(h)
                let hu = Double(up[i]) - Double(px[i])
                let hd = Double(px[i]) - Double(down[i])
                let fd =
                    (reference.meanLoss(up, [data.labels[s]])
                        - reference.meanLoss(down, [data.labels[s]]))
                    / (hu + hd)
                XCTAssertEqual(
                    Double(g.gradients[s * 20 + i]), fd, accuracy: 1e-4 + 1e-3 * abs(fd),
                    "example \(s) pixel \(i)")
            }
        }
    }

    func testLogitsMatchReference() throws {
        let data = Synthetic(inputs: 20, count: 70, classes: 5, seed: 9)
        let m = try model()
        let logits = try SparseInference(model: m, batchSize: 32).logits(pixels: data.pixels)
        let reference = ReferenceMLP(m)
        for s in 0..<70 {
            let z = reference.forward(data.pixels[(s * 20)..<((s + 1) * 20)]).last ?? []
            for k in 0..<5 { XCTAssertEqual(Double(logits[s * 5 + k]), z[k], accuracy: 1e-5) }
        }
    }
}
