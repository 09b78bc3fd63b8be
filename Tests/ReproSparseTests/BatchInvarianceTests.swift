import XCTest
@testable import ReproSparse

/// On our sparse kernels a sample's logits, loss and input gradient do not depend on which other
/// samples share its batch, bit for bit: APGD drops fooled samples from its batch
/// (`APGD.robustAccuracy`) when the engine says so. A layer on BLAS takes that away (OpenBLAS
/// changes paths with the batch size, seen here in the last bits), and the engine says so too.
final class BatchInvarianceTests: XCTestCase {
    func testASampleGetsTheSameBitsInAnyBatch() throws {
        // 50 % kept runs on BLAS, 2 % on the sparse kernels.
        let m = try randomModel([(40, 200, 4000), (200, 60, 240), (60, 8, 240)], seed: 5)
        try check(m, count: 150, subsets: [stride(from: 3, to: 150, by: 4).map { $0 }, [7]], batchSize: 64)
    }

    /// The shapes of the attacked networks: the dense 784-128-10 base on BLAS (small batches
    /// take OpenBLAS's small-matrix paths), a sparse width, and the evaluation's batch of 1,000.
    func testPaperShapesGiveTheSameBitsInAnyBatch() throws {
        let dense = try randomModel([(784, 128, 784 * 128), (128, 10, 1280)], seed: 8)
        let sparse = try randomModel([(784, 1024, 100_352), (1024, 10, 1280)], seed: 9)
        let subsets = [[0], [3, 998], Array(stride(from: 1, to: 1000, by: 9)), Array(0..<999)]
        for m in [dense, sparse] { try check(m, count: 1000, subsets: subsets, batchSize: 1000) }
    }

    private func check(_ m: SparseMLP, count: Int, subsets: [[Int]], batchSize: Int) throws {
        let inputs = m.layers[0].fanIn, classes = m.layers.last!.fanOut
        let data = Synthetic(inputs: inputs, count: count, classes: classes, seed: 21)
        XCTAssertFalse(try SparseInference(model: m, batchSize: batchSize, kernels: .dense).scoresEachImageAlone)
        for kernels in [SparseKernelChoice.sparse] {
            for threads in [1, 2] {
                let engine = try SparseInference(model: m, batchSize: batchSize, threads: threads, kernels: kernels)
                XCTAssertTrue(engine.scoresEachImageAlone)
                let all = try engine.lossesAndInputGradients(pixels: data.pixels, labels: data.labels)
                for subset in subsets {
                    let pixels = subset.flatMap { data.pixels[($0 * inputs)..<(($0 + 1) * inputs)] }
                    let some = try engine.lossesAndInputGradients(pixels: pixels, labels: subset.map { data.labels[$0] })
                    let label = "\(kernels), \(threads) threads, \(subset.count) of \(count)"
                    for (row, sample) in subset.enumerated() {
                        XCTAssertEqual(some.losses[row].bitPattern, all.losses[sample].bitPattern, label)
                        XCTAssertEqual(Array(some.gradients[(row * inputs)..<((row + 1) * inputs)]),
                                       Array(all.gradients[(sample * inputs)..<((sample + 1) * inputs)]), label)
                        XCTAssertEqual(Array(some.logits[(row * classes)..<((row + 1) * classes)]),
                                       Array(all.logits[(sample * classes)..<((sample + 1) * classes)]), label)
                    }
                }
            }
        }
    }
}
