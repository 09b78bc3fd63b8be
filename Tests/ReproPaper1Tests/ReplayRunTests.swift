import XCTest
import ReproData
@testable import ReproExperiments
import ReproNN
import ReproTestSupport
@testable import ReproPaper1

/// A replayed run trains batched, from the published stream's weights, and stores its results
/// beside the default run's in the same store.
final class ReplayRunTests: XCTestCase {
    func runner(_ root: URL) -> ExperimentRunner {
        let data = try! SyntheticMNIST.mnist()
        var r = ExperimentRunner(store: ResultStore(root: root), dataHash: "synthetic") { data }
        r.showProgress = false
        return r
    }

    func plan(_ rng: RandomSource) -> Paper1Plan {
        Paper1Plan(experiment: "capacity", pairs: [DigitPair(4, 9), DigitPair(0, 1)],
                   hiddenSizes: [2, 4], seeds: [0], learningRates: [0.5], epochs: 3,
                   precision: .float32).drawing(rng)
    }

    func testReplayAndDefaultResultsLiveSideBySide() throws {
        let root = SyntheticMNIST.temporaryDirectory("replay-store")
        let runner = runner(root)
        XCTAssertEqual(try runner.run(plan(.repro)).trained, 4)
        let replay = try runner.run(plan(.numpy))
        XCTAssertEqual(replay.trained, 4, "replay reuses no default result")
        let batches = ExperimentRunner.batches(plan(.numpy).specs(data: "synthetic"),
                                               trainer: BinaryBatchTrainer(), shard: nil)
        XCTAssertEqual(batches.count, 2, "one batch per (pair, seed)")
        let records = try runner.records(plan(.numpy))
        XCTAssertEqual(records.map(\.spec.rng), Array(repeating: "numpy", count: 4))
        XCTAssertTrue(records.allSatisfy { $0.spec.precision == .float64 })
        XCTAssertEqual(try runner.run(plan(.repro)).trained, 0, "default results untouched")
    }

    func testBatchStartsFromThePublishedStream() throws {
        let specs = plan(.numpy).specs(data: "synthetic")
        let initial = try BinaryBatchTrainer.initialParameters(specs, inputs: 784)
        let expected = try ReplayedInitialWeights.draw(
            seed: 0, scheme: .trainPy,
            wanted: specs.map { ReplayScheme.Slot(pair: $0.pair, hidden: $0.hidden) })
        XCTAssertEqual(initial, expected)
    }
}
