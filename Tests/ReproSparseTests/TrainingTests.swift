import ReproKernelDispatch
import XCTest

@testable import ReproSparse
import ReproNetwork

final class TrainingTests: XCTestCase {
    private let data = Synthetic(inputs: 24, count: 90, classes: 4, seed: 31)

    private func model(seed: UInt64 = 3) throws -> SparseMLP {
        try randomModel([(24, 48, 200), (48, 4, 60)], seed: seed)
    }

    private func orders(seed: UInt64) -> (Int) -> [Int] {
        { epoch in
            var rng = SplitMix64(seed &* 1_000 &+ UInt64(epoch))
            return RandomDraws.permutation(count: 90, &rng)
        }
    }

    func testStopsAtTheFirstEpochBelowTheThreshold() throws {
        let probe = try SparseTrainer(
            model: try model(), options: SparseTrainingOptions(batchSize: 16))
        let history = try probe.train(
            on: try data.dataset(), maxEpochs: 12, lossThreshold: -1,
            order: orders(seed: 1))
        let losses = history.epochs.map(\.meanLoss)
        XCTAssertEqual(history.stopReason, .maxEpochs)
        XCTAssertEqual(losses.count, 12)
        XCTAssertLessThan(losses[11], losses[0])
        // A threshold just above epoch 6's loss: training must stop at the first epoch below it.
        let threshold = losses[5] * 1.000001
        let expectedStop = (losses.firstIndex { $0 < threshold } ?? 99) + 1
        var seen: [Int] = []
        let trainer = try SparseTrainer(
            model: try model(), options: SparseTrainingOptions(batchSize: 16))
        let outcome = try trainer.train(
            on: try data.dataset(), maxEpochs: 300, lossThreshold: threshold,
            order: orders(seed: 1)
        ) { stats, _ in seen.append(stats.epoch) }
        XCTAssertEqual(outcome.stopReason, .lossBelowThreshold)
        XCTAssertEqual(outcome.epochs.count, expectedStop)
        XCTAssertEqual(seen, Array(1...expectedStop))
        XCTAssertTrue(outcome.epochs.dropLast().allSatisfy { $0.meanLoss >= threshold })
        XCTAssertLessThan(outcome.epochs.last?.meanLoss ?? 1, threshold)
    }

    func testStopsAtMaxEpochsOtherwise() throws {
        let trainer = try SparseTrainer(
            model: try model(), options: SparseTrainingOptions(batchSize: 32))
        let outcome = try trainer.train(
            on: try data.dataset(), maxEpochs: 3, lossThreshold: 1e-9,
            order: orders(seed: 2))
        XCTAssertEqual(outcome.stopReason, .maxEpochs)
        XCTAssertEqual(outcome.epochs.map(\.epoch), [1, 2, 3])
        XCTAssertTrue(outcome.epochs.allSatisfy { $0.accuracy >= 0 && $0.accuracy <= 1 })
    }

    func testSameGeneratorsGiveBitIdenticalWeights() throws {
        func run(threads: Int, kernels: SparseKernelChoice = .automatic) throws -> [UInt32] {
            var mask = SplitMix64(40)
            var initialisation = SplitMix64(41)
            var order = SplitMix64(42)
            let shapes = [
                try SparseLayerShape(fanIn: 24, fanOut: 64, kept: 300),
                try SparseLayerShape(fanIn: 64, fanOut: 4, kept: 100),
            ]
            let m = try SparseMLP.random(
                shapes: shapes, mask: &mask, initialisation: &initialisation)
            let trainer = try SparseTrainer(
                model: m,
                options: SparseTrainingOptions(
                    batchSize: 20, threads: threads, kernels: kernels))
            for _ in 0..<3 { _ = try trainer.trainEpoch(on: try data.dataset(), shuffling: &order) }
            return bits(trainer.model)
        }
        XCTAssertEqual(try run(threads: 1), try run(threads: 1))
        XCTAssertEqual(try run(threads: 2), try run(threads: 2))
        XCTAssertTrue(
            try run(threads: 1, kernels: .sparse) == run(threads: 2, kernels: .sparse),
            "sparse kernels give the same bits on 1 and 2 threads")
        // Every kernel family this CPU runs (baseline, AVX2, AVX-512) trains the same bits.
        let reference = try Kernels.with(.baseline) { try run(threads: 1, kernels: .sparse) }
        for family in Kernels.supported {
            XCTAssertEqual(try Kernels.with(family) { try run(threads: 2, kernels: .sparse) }, reference, "\(family)")
        }
    }

    func testResumingFromASnapshotContinuesBitForBit() throws {
        let straight = try SparseTrainer(
            model: try model(), options: SparseTrainingOptions(batchSize: 16))
        _ = try straight.train(
            on: try data.dataset(), maxEpochs: 4, lossThreshold: -1, order: orders(seed: 5))
        let first = try SparseTrainer(
            model: try model(), options: SparseTrainingOptions(batchSize: 16))
        _ = try first.train(
            on: try data.dataset(), maxEpochs: 2, lossThreshold: -1, order: orders(seed: 5))
        let resumed = try SparseTrainer(
            resuming: first.snapshot(), options: SparseTrainingOptions(batchSize: 16))
        XCTAssertEqual(resumed.epochsDone, 2)
        let rest = try resumed.train(
            on: try data.dataset(), maxEpochs: 4, lossThreshold: -1, order: orders(seed: 5))
        XCTAssertEqual(rest.epochs.map(\.epoch), [3, 4])
        XCTAssertEqual(bits(resumed.model), bits(straight.model))
    }

    func testSideBySideTrainingMatchesSequential() throws {
        let dataset = try data.dataset()
        let seeds: [UInt64] = [1, 2, 3]
        @Sendable func train(_ seed: UInt64) throws -> [UInt32] {
            let trainer = try SparseTrainer(
                model: try model(seed: seed),
                options: SparseTrainingOptions(batchSize: 30, kernels: .dense))
            var order = SplitMix64(seed)
            for _ in 0..<2 { _ = try trainer.trainEpoch(on: dataset, shuffling: &order) }
            return bits(trainer.model)
        }
        let sequential = try seeds.map(train)
        let parallel = try SparseConcurrency.runSideBySide(seeds.count) { try train(seeds[$0]) }
        XCTAssertEqual(parallel, sequential)
    }

    func testTrainingLearnsAndEvaluateAgreesWithReference() throws {
        let trainer = try SparseTrainer(
            model: try model(),
            options: SparseTrainingOptions(
                batchSize: 16, learningRate: 0.05))
        let outcome = try trainer.train(
            on: try data.dataset(), maxEpochs: 30, lossThreshold: 0.05,
            order: orders(seed: 9))
        XCTAssertGreaterThan(outcome.epochs.last?.accuracy ?? 0, 0.9)
        let test = Synthetic(inputs: 24, count: 77, classes: 4, seed: 31)
        let evaluation = try SparseInference(model: trainer.model, batchSize: 32).evaluate(
            try test.dataset())
        let reference = ReferenceMLP(trainer.model)
        XCTAssertEqual(
            evaluation.meanLoss, reference.meanLoss(test.pixels, test.labels), accuracy: 1e-5)
        var hits = [0, 0, 0, 0]
        var totals = [0, 0, 0, 0]
        for s in 0..<77 {
            let z = reference.forward(test.pixels[(s * 24)..<((s + 1) * 24)]).last ?? []
            let predicted = z.indices.max { z[$0] < z[$1] } ?? 0
            totals[test.labels[s]] += 1
            if predicted == test.labels[s] { hits[test.labels[s]] += 1 }
        }
        XCTAssertEqual(evaluation.correct, hits.reduce(0, +))
        XCTAssertEqual(evaluation.classCounts, totals)
        XCTAssertEqual(evaluation.perClassRecall, zip(hits, totals).map { Double($0) / Double($1) })
        XCTAssertEqual(evaluation.minimumRecall, evaluation.perClassRecall.min())
    }
}
