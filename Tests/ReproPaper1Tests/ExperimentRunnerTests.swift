import XCTest
import ReproData
import ReproNN
import ReproSupport
import ReproTestSupport
@testable import ReproExperiments
@testable import ReproPaper1

final class ExperimentRunnerTests: XCTestCase {
    let mnist = try! SyntheticMNIST.mnist()

    func plan(seeds: [Int] = [0, 1], sizes: [Int] = [2, 5]) -> Paper1Plan {
        Paper1Plan(experiment: "capacity", pairs: [DigitPair(4, 9), DigitPair(0, 1)], hiddenSizes: sizes, seeds: seeds,
                       learningRates: [0.5], epochs: 6, precision: .float32)
    }

    func runner(_ root: URL, loads: UnsafeMutablePointer<Int>? = nil) -> ExperimentRunner {
        let data = mnist
        var r = ExperimentRunner(store: ResultStore(root: root), dataHash: "synthetic") {
            loads?.pointee += 1
            return data
        }
        r.showProgress = false
        return r
    }

    func testSecondRunComputesNothingAndNeedsNoData() throws {
        let root = SyntheticMNIST.temporaryDirectory("store")
        let first = try runner(root).run(plan())
        XCTAssertEqual(first.trained, 8)
        XCTAssertTrue(first.complete)
        let loads = UnsafeMutablePointer<Int>.allocate(capacity: 1); loads.pointee = 0
        defer { loads.deallocate() }
        let second = try runner(root, loads: loads).run(plan())
        XCTAssertEqual(second.trained, 0)
        XCTAssertEqual(second.cached, 8)
        XCTAssertEqual(loads.pointee, 0, "a fully cached run must not load data")
        XCTAssertNotNil(ResultStore(root: root).run(experiment: "capacity", planKey: plan().key))
    }

    func testAnInterruptedBatchIsRetrainedWholeWithTheSameBits() throws {
        let root = SyntheticMNIST.temporaryDirectory("store")
        let r = runner(root)
        try r.run(plan())
        let before = try r.records(plan())
        let specs = plan().specs(data: "synthetic")
        let weightsBefore = try specs.map { try ResultStore(root: root).weights($0.key) }
        // Simulate a kill while one batch was being saved: one of its JSONs never got written.
        let victim = specs.first { $0.pair == DigitPair(0, 1) && $0.seed == 1 }!
        try FileManager.default.removeItem(at: ResultStore(root: root).recordURL(victim.key))
        let resumed = try r.run(plan())
        XCTAssertEqual(resumed.trained, 2, "its whole batch (sizes 2 and 5) again")
        let after = try r.records(plan())
        XCTAssertEqual(after.map(\.history), before.map(\.history), "same seed → same numbers")
        XCTAssertEqual(after.map(\.heldOut), before.map(\.heldOut))
        XCTAssertEqual(after.map(\.batchSize), before.map(\.batchSize))
        XCTAssertTrue(try specs.map { try ResultStore(root: root).weights($0.key) } == weightsBefore,
                      "bit for bit")
    }

    func testABatchTooLargeForMemoryIsRefusedBeforeLoadingData() throws {
        // lr-grid's batch (66 models, Σh = 6 · 226): hand-computed from the terms of the estimate,
        // 12·13007·784 + 16·784·1356 + 8·13007·1356 + 16·66·13007.
        let grid = Paper1Plan.lrGrid().specs(data: "d").filter { $0.seed == 0 }
        XCTAssertEqual(grid.count, 66)
        XCTAssertEqual(BinaryBatchTrainer().estimatedBytes(grid), 294_214_848)
        let loads = UnsafeMutablePointer<Int>.allocate(capacity: 1); loads.pointee = 0
        defer { loads.deallocate() }
        var r = runner(SyntheticMNIST.temporaryDirectory("memory"), loads: loads)
        r.memoryLimit = 64 << 20
        XCTAssertThrowsError(try r.run(plan())) {
            XCTAssertTrue("\($0)".contains("needs about 117 MB of memory, but only 64 MB"), "\($0)")
            XCTAssertTrue("\($0)".contains("fewer --sizes or --lrs"), "\($0)")
        }
        XCTAssertEqual(loads.pointee, 0)
    }

    func testNarrowerPlanReusesResultsOfAWiderOne() throws {
        let root = SyntheticMNIST.temporaryDirectory("store")
        try runner(root).run(plan())
        let narrow = try runner(root).run(plan(seeds: [1], sizes: [5]))
        XCTAssertEqual(narrow.trained, 0)
        XCTAssertEqual(narrow.cached, 2)
    }

    func testBatchedAndSingleRunsAgree() throws {
        let wide = SyntheticMNIST.temporaryDirectory("wide"), single = SyntheticMNIST.temporaryDirectory("single")
        try runner(wide).run(plan())
        try runner(single).run(plan(seeds: [0], sizes: [5]))
        for spec in plan(seeds: [0], sizes: [5]).specs(data: "synthetic") {
            let a = try ResultStore(root: wide).model(spec.key), b = try ResultStore(root: single).model(spec.key)
            XCTAssertEqual(a.batchSize, 2)
            XCTAssertEqual(b.batchSize, 1)
            for (x, y) in zip(a.history.loss, b.history.loss) { XCTAssertEqual(x, y, accuracy: 1e-5) }
            let wa = MLPParameters(layers: try ResultStore(root: wide).weights(spec.key))!
            let wb = MLPParameters(layers: try ResultStore(root: single).weights(spec.key))!
            XCTAssertLessThan(wa.maxAbsDifference(to: wb), 1e-5)
        }
    }

    func testShardsSplitTheWorkAndTogetherComplete() throws {
        let root = SyntheticMNIST.temporaryDirectory("store")
        let a = try runner(root).run(plan(), shard: Shard(index: 0, count: 2))
        XCTAssertFalse(a.complete)
        let b = try runner(root).run(plan(), shard: Shard(index: 1, count: 2))
        XCTAssertEqual(a.trained + b.trained, 8)
        XCTAssertTrue(b.complete)
        XCTAssertThrowsError(try Shard(parsing: "2/2"))
        XCTAssertThrowsError(try Shard(parsing: "x"))
        for malformed in ["1//2", "/4", "1/", "1/2/3"] {
            XCTAssertThrowsError(try Shard(parsing: malformed), malformed)
        }
    }

    func testMissingResultsNameTheRunCommand() throws {
        let r = runner(SyntheticMNIST.temporaryDirectory("empty"))
        XCTAssertThrowsError(try r.records(plan())) { XCTAssertTrue("\($0)".contains("run `repro run capacity`"), "\($0)") }
    }

    func testCorruptRecordIsAClearError() throws {
        let root = SyntheticMNIST.temporaryDirectory("store")
        let r = runner(root)
        try r.run(plan(seeds: [0], sizes: [2]))
        let key = plan(seeds: [0], sizes: [2]).specs(data: "synthetic")[0].key
        try Data("{".utf8).write(to: ResultStore(root: root).recordURL(key))
        XCTAssertThrowsError(try r.records(plan(seeds: [0], sizes: [2]))) { 
            XCTAssertTrue("\($0)".contains("(1 damaged, see the note above)"), "\($0)")
            XCTAssertTrue("\($0)".contains("run `repro run capacity`"), "\($0)")
        }
    }

    func testStoredWeightsReproduceStoredHeldOutMetrics() throws {
        let root = SyntheticMNIST.temporaryDirectory("store")
        try runner(root).run(plan(seeds: [0], sizes: [5]))
        let spec = plan(seeds: [0], sizes: [5]).specs(data: "synthetic")[0]
        let record = try ResultStore(root: root).model(spec.key)
        let task = try BinaryTask(mnist: mnist, pair: spec.pair, seed: spec.seed)
        let heldOut = TrainingSet(features: task.heldOut.features(), labels: task.heldOut.labels, inputs: 784)
        let metrics = Training.evaluate([MLPParameters(layers: try ResultStore(root: root).weights(spec.key))!], on: heldOut)[0]
        XCTAssertEqual(metrics.f1, record.heldOut.f1, accuracy: 1e-9)
        XCTAssertEqual(record.heldOutCount, task.heldOut.count)
    }
}
