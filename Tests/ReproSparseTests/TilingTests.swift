import XCTest

@testable import ReproSparse

final class TilingTests: XCTestCase {
    /// Long rows and columns, so every kernel of the middle layer is tiled.
    private func model() throws -> SparseMLP {
        try randomModel([(400, 120, 9_600), (120, 400, 9_600), (400, 10, 400)], seed: 44)
    }

    func testTilingChangesNoBit() throws {
        let data = Synthetic(inputs: 400, count: 100, classes: 10, seed: 3)
        let m = try model()
        var results: [[UInt32]] = []
        var tiles: [[[Int]]] = []
        for enabled in [false, true] {
            Tiling.enabled = enabled
            defer { Tiling.enabled = true }
            let trainer = try SparseTrainer(
                model: m,
                options: SparseTrainingOptions(
                    batchSize: 64, learningRate: 0.05, kernels: .sparse))
            tiles.append(trainer.tileCountsForTesting)
            var rng = SplitMix64(4)
            for _ in 0..<2 { _ = try trainer.trainEpoch(on: try data.dataset(), shuffling: &rng) }
            results.append(bits(trainer.model))
        }
        XCTAssertEqual(tiles[0].flatMap { $0 }.max(), 1)
        XCTAssertGreaterThan(tiles[1][0][0], 1, "first layer forward is tiled")
        XCTAssertGreaterThan(tiles[1][0][2], 1, "first layer step is tiled")
        XCTAssertGreaterThan(tiles[1][1][1], 1, "middle layer backward is tiled")
        XCTAssertEqual(results[0], results[1])
    }

    func testTiledKernelsMatchReference() throws {
        let data = Synthetic(inputs: 400, count: 64, classes: 10, seed: 5)
        let m = try model()
        let trainer = try SparseTrainer(
            model: m,
            options: SparseTrainingOptions(
                batchSize: 64, learningRate: 0.05, kernels: .sparse))
        _ = try trainer.trainEpoch(on: try data.dataset(), order: Array(0..<64))
        var reference = ReferenceMLP(m)
        reference.step(data.pixels, data.labels, lr: 0.05, momentum: 0.9)
        for (l, layer) in trainer.model.layers.enumerated() {
            for (p, v) in zip(layer.indices, layer.values) {
                XCTAssertEqual(Double(v), reference.weights[l][Int(p)], accuracy: 1e-5)
            }
        }
    }
}
