import XCTest
import ReproData
import ReproExperiments
import ReproReport
import ReproSupport
@testable import ReproPaper1

/// Replayed results live beside the default ones: their specs hash differently, and adding the
/// optional `rng` field left every default key as it was.
final class ReplaySpecTests: XCTestCase {
    let pair = DigitPair(4, 9)

    /// Pinned before `rng` existed (computed by the previous release build and by hand from the
    /// canonical JSON): a change here would orphan every stored default result.
    func testDefaultKeyIsUnchanged() {
        let spec = ModelSpec(pair: pair, seed: 0, hidden: 2, learningRate: 0.03, epochs: 1)
        XCTAssertNil(spec.rng)
        XCTAssertEqual(spec.key, "b0aea42d04c15d6b")
    }

    func testReplaySpecsHashDifferently() {
        let plain = ModelSpec(pair: pair, seed: 0, hidden: 24, learningRate: 0.03, epochs: 100,
                              precision: .float64)
        let replayed = ModelSpec(pair: pair, seed: 0, hidden: 24, learningRate: 0.03, epochs: 100,
                                 precision: .float64, replay: .trainPy)
        XCTAssertEqual(replayed.rng, "numpy")
        XCTAssertEqual(replayed.replay, .trainPy)
        XCTAssertNotEqual(plain.key, replayed.key)
        let keys = Set(ReplayScheme.allCases.map {
            ModelSpec(pair: pair, seed: 0, hidden: 24, learningRate: 0.03, epochs: 100,
                      precision: .float64, replay: $0).key
        })
        XCTAssertEqual(keys.count, ReplayScheme.allCases.count, "each scheme its own results")
    }

    func testReplayPlanTrainsInFloat64WithItsOwnKeys() throws {
        var options = ExperimentOptions()
        options.rng = .numpy
        let replay = try Paper1Plan.plan("capacity", options: options)
        let plain = try Paper1Plan.plan("capacity", options: ExperimentOptions())
        XCTAssertEqual(replay.precision, .float64)
        XCTAssertEqual(replay.replay, .trainPy)
        XCTAssertNil(plain.replay)
        XCTAssertEqual(plain.key, Paper1Plan.capacity().key, "default plan keys unchanged")
        XCTAssertTrue(Set(replay.specs().map(\.key)).isDisjoint(with: plain.specs().map(\.key)))
        XCTAssertEqual(replay.specs().count, 165)
    }

    func testReplayRefusesWhatThePublishedProgramNeverDrew() {
        var options = ExperimentOptions()
        options.rng = .numpy
        options.sizes = [5]
        XCTAssertThrowsError(try Paper1Plan.plan("capacity", options: options))
        options.sizes = nil
        options.precision = .float32
        XCTAssertThrowsError(try Paper1Plan.plan("capacity", options: options))
    }
}

/// The LR grid's unpublished loop order is chosen by `--lr-grid-order`, under replay only.
final class ReplayOrderTests: XCTestCase {
    func testOrdersNameTheirSchemes() throws {
        var options = ExperimentOptions()
        options.rng = .numpy
        XCTAssertEqual(try Paper1Plan.plan("lr-grid", options: options).replay, .sizesThenRates)
        for (order, scheme) in [("rates-sizes", ReplayScheme.ratesThenSizes),
                                ("fresh", .freshPerModel), ("sizes-rates", .sizesThenRates)] {
            options.lrGridOrder = order
            XCTAssertEqual(try Paper1Plan.plan("lr-grid", options: options).replay, scheme)
        }
        options.lrGridOrder = "numpy"
        XCTAssertThrowsError(try Paper1Plan.plan("lr-grid", options: options))
        options.lrGridOrder = "fresh"
        XCTAssertThrowsError(try Paper1Plan.plan("capacity", options: options))
        options.rng = nil
        XCTAssertThrowsError(try Paper1Plan.plan("lr-grid", options: options))
    }
}

/// A replayed report's provenance names the replayed experiments, not the default ones.
final class ReplayProvenanceTests: XCTestCase {
    func testProvenanceFollowsTheRandomSource() {
        let runner = ExperimentRunner(store: ResultStore(root: FileManager.default.temporaryDirectory
            .appendingPathComponent("provenance-\(UUID())")), dataHash: "d") { throw ReproError("no data") }
        let own = Paper1Reproduction().provenance(PaperContext(runner: runner, quick: false, rng: .repro))
        let replay = Paper1Reproduction().provenance(PaperContext(runner: runner, quick: false, rng: .numpy))
        XCTAssertEqual(own.map(\.name), replay.map(\.name))
        for (a, b) in zip(own, replay) {
            XCTAssertNotEqual(a.specHash, b.specHash, a.name)
        }
        XCTAssertEqual(own.map(\.specHash),
                       [Paper1Plan.lrGrid().key, Paper1Plan.capacity().key])
    }
}
