import XCTest

@testable import ReproSparse

final class CompactionTests: XCTestCase {
    /// Hidden units with few outgoing weights: at keep 4/200 most of the 200 hidden units of the
    /// first level have no kept weight into the second level at all.
    private func model() throws -> SparseMLP {
        try randomModel([(40, 200, 400), (200, 60, 240), (60, 8, 30)], seed: 17)
    }

    func testCompactionLeavesOutDeadUnits() throws {
        let m = try model()
        let full = try SparseTrainer(model: m, options: SparseTrainingOptions(compaction: false))
        let compact = try SparseTrainer(model: m, options: SparseTrainingOptions())
        XCTAssertEqual(full.work.computed, m.keptWeights)
        XCTAssertLessThan(compact.work.computed, m.keptWeights * 3 / 4)
        let live = Compaction.liveUnits(m)
        XCTAssertLessThan(live[1].filter { $0 }.count, 200)
        XCTAssertTrue(live[3].allSatisfy { $0 })
    }

    func testCompactedTrainingIsBitIdentical() throws {
        let data = Synthetic(inputs: 40, count: 150, classes: 8, seed: 2)
        let m = try model()
        for kernels in [SparseKernelChoice.sparse, .automatic] {
            var results: [[UInt32]] = []
            var losses: [[Double]] = []
            for compaction in [false, true] {
                let trainer = try SparseTrainer(
                    model: m,
                    options: SparseTrainingOptions(
                        batchSize: 32, learningRate: 0.05, compaction: compaction, kernels: kernels)
                )
                var rng = SplitMix64(8)
                var l: [Double] = []
                for _ in 0..<3 {
                    l.append(
                        try trainer.trainEpoch(on: try data.dataset(), shuffling: &rng).meanLoss)
                }
                results.append(bits(trainer.model))
                losses.append(l)
                XCTAssertNotEqual(bits(trainer.model), bits(m))
            }
            XCTAssertEqual(results[0], results[1], "\(kernels): compacted and full training differ")
            XCTAssertEqual(losses[0], losses[1])
        }
    }

    func testCompactedInferenceIsBitIdentical() throws {
        let data = Synthetic(inputs: 40, count: 50, classes: 8, seed: 6)
        let m = try model()
        var outputs: [[UInt32]] = []
        for compaction in [false, true] {
            let engine = try SparseInference(
                model: m, batchSize: 64, threads: 1, kernels: .sparse,
                compaction: compaction)
            let z = try engine.logits(pixels: data.pixels)
            let g = try engine.lossesAndInputGradients(pixels: data.pixels, labels: data.labels)
            outputs.append(
                z.map(\.bitPattern) + g.losses.map(\.bitPattern) + g.gradients.map(\.bitPattern))
        }
        XCTAssertEqual(outputs[0], outputs[1])
    }
}

final class InferenceThreadsTests: XCTestCase {
    func testTwoThreadsGiveTheSameBitsAsOne() throws {
        let data = Synthetic(inputs: 40, count: 150, classes: 8, seed: 12)
        let m = try randomModel([(40, 200, 400), (200, 60, 240), (60, 8, 30)], seed: 17)
        var outputs: [[UInt32]] = []
        var evaluations: [SparseEvaluation] = []
        for threads in [1, 2] {
            let engine = try SparseInference(
                model: m, batchSize: 64, threads: threads, kernels: .sparse)
            let z = try engine.logits(pixels: data.pixels)
            let g = try engine.lossesAndInputGradients(pixels: data.pixels, labels: data.labels)
            outputs.append(
                z.map(\.bitPattern) + g.losses.map(\.bitPattern) + g.gradients.map(\.bitPattern))
            evaluations.append(try engine.evaluate(try data.dataset()))
        }
        XCTAssertEqual(outputs[0], outputs[1])
        XCTAssertEqual(evaluations[0], evaluations[1])
        XCTAssertEqual(evaluations[0].count, 150)
    }

    func testBytesDatasetMatchesPixels() throws {
        let bytes: [UInt8] = (0..<(3 * 40)).map { UInt8(($0 * 37) % 256) }
        let a = try SparseDataset(bytes: bytes, labels: [1, 0, 2], inputSize: 40)
        let b = try SparseDataset(
            pixels: bytes.map { Float($0) / 255 }, labels: [1, 0, 2],
            inputSize: 40)
        let m = try randomModel([(40, 16, 100), (16, 3, 48)], seed: 2)
        let engine = try SparseInference(model: m)
        XCTAssertEqual(try engine.evaluate(a), try engine.evaluate(b))
        XCTAssertEqual(a.labels, [1, 0, 2])
    }
}
