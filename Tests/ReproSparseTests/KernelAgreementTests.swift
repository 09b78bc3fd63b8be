import XCTest

@testable import ReproSparse
import ReproNetwork

/// Several SGD-with-momentum steps by the engine against the plain dense-masked reference.
final class KernelAgreementTests: XCTestCase {
    private let data = Synthetic(inputs: 30, count: 100, classes: 6, seed: 12)

    private func model() throws -> SparseMLP {
        try randomModel([(30, 40, 150), (40, 24, 300), (24, 6, 144)], seed: 5)
    }

    private func trainBoth(
        _ kernels: SparseKernelChoice, threads: Int = 1
    ) throws
        -> (engine: SparseMLP, reference: ReferenceMLP)
    {
        let m = try model()
        let options = SparseTrainingOptions(
            batchSize: 40, learningRate: 0.05, momentum: 0.9,
            threads: threads, kernels: kernels)
        let trainer = try SparseTrainer(model: m, options: options)
        var reference = ReferenceMLP(m)
        var rng = SplitMix64(99)
        for _ in 0..<3 {
            let order = RandomDraws.permutation(count: data.count, &rng)
            _ = try trainer.trainEpoch(on: try data.dataset(), order: order)
            var first = 0
            while first < data.count {  // 40, 40, 20: the last partial batch is used
                let end = min(first + 40, data.count)
                let (px, y) = subset(data, order[first..<end])
                reference.step(px, y, lr: 0.05, momentum: 0.9)
                first = end
            }
        }
        return (trainer.model, reference)
    }

    private func assertClose(_ engine: SparseMLP, _ reference: ReferenceMLP, _ label: String) {
        var largest = 0.0
        for (l, layer) in engine.layers.enumerated() {
            let w = layer.denseWeights()
            for p in w.indices {
                largest = max(largest, abs(Double(w[p]) - reference.weights[l][p]))
                if !reference.mask[l][p] { XCTAssertEqual(w[p], 0) }
            }
            for o in layer.bias.indices {
                largest = max(largest, abs(Double(layer.bias[o]) - reference.bias[l][o]))
            }
        }
        XCTAssertLessThan(largest, 2e-5, label)
    }

    func testSparseKernelsMatchReference() throws {
        let (e, r) = try trainBoth(.sparse)
        assertClose(e, r, "sparse")
    }

    func testDenseKernelsMatchReference() throws {
        let (e, r) = try trainBoth(.dense)
        assertClose(e, r, "dense")
    }

    func testMixedKernelsAndTwoThreadsMatchReference() throws {
        let (e, r) = try trainBoth(.automatic, threads: 2)
        assertClose(e, r, "automatic, 2 threads")
    }

    func testMaskedWeightsStayExactlyZeroInsideTheDenseKernels() throws {
        let m = try model()
        let trainer = try SparseTrainer(
            model: m, options: SparseTrainingOptions(batchSize: 32, kernels: .dense))
        var rng = SplitMix64(3)
        for _ in 0..<4 { _ = try trainer.trainEpoch(on: try data.dataset(), shuffling: &rng) }
        let after = trainer.model
        for (l, layer) in after.layers.enumerated() {
            XCTAssertEqual(layer.indices, m.layers[l].indices, "the mask is static")
            let matrix = trainer.denseMatrixForTesting(layer: l)
            var kept = Set<Int>()
            for p in layer.indices { kept.insert(Int(p)) }
            for p in matrix.indices where !kept.contains(p) {
                XCTAssertEqual(matrix[p].bitPattern, 0, "layer \(l) dropped position \(p)")
            }
            XCTAssertNotEqual(layer.values, m.layers[l].values, "training moved the kept weights")
        }
    }
}
