import Foundation
import XCTest
import ReproNN
import ReproSupport
import ReproTestSupport
@testable import ReproExperiments

/// The store believes nothing it reads: a record must name its key, its spec must hash to it, a
/// trained model must have a history and whole weights of its spec's shape. Anything else counts
/// as missing (so the next run recomputes it) and is never shown.
final class StoreVerificationTests: XCTestCase {
    let plan = RunnerTests.Plan(seeds: [0])

    func runner(_ root: URL) -> ExperimentRunner {
        var r = ExperimentRunner(store: ResultStore(root: root), dataHash: "none") {
            throw ReproError("no data needed")
        }
        r.showProgress = false
        return r
    }

    func stored() throws -> (root: URL, store: ResultStore, keys: [String]) {
        let root = SyntheticMNIST.temporaryDirectory("verify")
        try runner(root).run(plan, trainer: RunnerTests.Trainer())
        return (root, ResultStore(root: root), plan.specs(data: "none").map(\.key))
    }

    /// The damaged model is not shown, the run recomputes its batch, and then all is well.
    func assertRecomputed(_ root: URL, _ key: String, because reason: String,
                          file: StaticString = #filePath, line: UInt = #line) throws {
        let store = ResultStore(root: root)
        XCTAssertFalse(store.hasModel(key), file: file, line: line)
        XCTAssertThrowsError(try store.model(key), file: file, line: line) {
            XCTAssertTrue("\($0)".contains(reason), "\($0)", file: file, line: line)
            XCTAssertFalse("\($0)".contains("delete"), "\($0)", file: file, line: line)
        }
        XCTAssertThrowsError(try runner(root).records(plan), file: file, line: line)
        XCTAssertTrue(StoreNotices.reported.contains { $0.contains(reason) }, file: file, line: line)
        let trainer = RunnerTests.Trainer()
        let outcome = try runner(root).run(plan, trainer: trainer)
        XCTAssertEqual(outcome.trained, 2, "the damaged model's whole batch", file: file, line: line)
        let records = try runner(root).records(plan)
        XCTAssertEqual(records.map(\.spec.layers[1]), [3, 5], file: file, line: line)
        XCTAssertEqual(records.map(\.key), plan.specs(data: "none").map(\.key), file: file, line: line)
    }

    func testARecordCopiedOverAnotherKeyIsNotShownButRecomputed() throws {
        let (root, store, keys) = try stored()
        try FileManager.default.removeItem(at: store.recordURL(keys[1]))
        try FileManager.default.copyItem(at: store.recordURL(keys[0]), to: store.recordURL(keys[1]))
        try assertRecomputed(root, keys[1], because: "holds model \(keys[0]), not \(keys[1])")
    }

    func testAnEditedSpecIsRefused() throws {
        let (root, store, keys) = try stored()
        try edit(store, keys[0]) { $0.spec.seed = 7 }
        try assertRecomputed(root, keys[0], because: "spec does not hash to its key")
    }

    func testAnEmptyHistoryIsRefused() throws {
        let (root, store, keys) = try stored()
        try edit(store, keys[1]) { $0.history = TrainingHistory() }
        try assertRecomputed(root, keys[1], because: "empty training history")
    }

    func testTruncatedWeightsAreRecomputedNotBlamedOnTheUser() throws {
        let (root, store, keys) = try stored()
        let url = store.weightsURL(keys[0])
        try Data(try Data(contentsOf: url).prefix(40)).write(to: url)
        XCTAssertThrowsError(try store.weights(keys[0])) {
            XCTAssertTrue("\($0)".contains("run the experiment again"), "\($0)")
        }
        try assertRecomputed(root, keys[0], because: "weight file is damaged")
    }

    func testWeightsOfAnotherShapeAreRefused() throws {
        let (root, store, keys) = try stored()
        try FileManager.default.removeItem(at: store.weightsURL(keys[0]))
        try FileManager.default.copyItem(at: store.weightsURL(keys[1]), to: store.weightsURL(keys[0]))
        try assertRecomputed(root, keys[0], because: "does not have the layers [4, 3, 10]")
    }

    /// Issue 21, class 1: the numbers a record shows and the weight bytes are sealed with it.
    func testAnEditedAccuracyIsNotShown() throws {
        let (root, store, keys) = try stored()
        try edit(store, keys[0]) { $0.evaluation["accuracy"] = 0.1234 }
        try assertRecomputed(root, keys[0], because: "does not match its checksum (edited?)")
    }

    func testFourOverwrittenWeightBytesAreCaught() throws {
        let (root, store, keys) = try stored()
        let url = store.weightsURL(keys[1])
        var bytes = try Data(contentsOf: url)
        bytes.replaceSubrange((bytes.count - 12)..<(bytes.count - 8), with: [1, 2, 3, 4])
        try bytes.write(to: url)
        XCTAssertNoThrow(try store.weights(keys[1]), "the file still decodes")
        try assertRecomputed(root, keys[1], because: "is not the weight file its record was written with")
    }

    func testAnotherSeedsWeightsOfTheSameShapeAreCaught() throws {
        let root = SyntheticMNIST.temporaryDirectory("verify-seeds")
        let two = RunnerTests.Plan(seeds: [0, 1])
        try runner(root).run(two, trainer: RunnerTests.Trainer())
        let store = ResultStore(root: root)
        let keys = two.specs(data: "none").map(\.key)   // seed 0: widths 3, 5; seed 1: 3, 5
        try FileManager.default.removeItem(at: store.weightsURL(keys[0]))
        try FileManager.default.copyItem(at: store.weightsURL(keys[2]), to: store.weightsURL(keys[0]))
        try assertRecomputed(root, keys[0], because: "is not the weight file its record was written with")
    }

    func testRecordsFromBeforeTheSealStayValid() throws {
        let (_, store, keys) = try stored()
        try edit(store, keys[0]) { $0.sha256 = nil; $0.weightsSHA256 = nil }
        XCTAssertTrue(store.hasModel(keys[0]))
        XCTAssertNotNil(try store.model(keys[1]).sha256, "new records are sealed")
    }

    func edit(_ store: ResultStore, _ key: String, _ change: (inout ModelRecord) -> Void) throws {
        var record = try CanonicalJSON.decode(ModelRecord.self,
                                              from: try Data(contentsOf: store.recordURL(key)))
        change(&record)
        try CanonicalJSON.encode(record, pretty: true).write(to: store.recordURL(key))
    }
}
