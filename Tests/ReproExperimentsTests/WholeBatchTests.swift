import Foundation
import XCTest
import ReproNN
import ReproSupport
import ReproTestSupport
@testable import ReproExperiments

/// A model's stored numbers must not depend on where an earlier run was interrupted: a batch is
/// visible whole or not at all, and a partly saved batch is trained again whole.
final class WholeBatchTests: XCTestCase {
    /// Like a batched GEMM, each model's numbers depend (slightly) on how many shared its batch.
    final class CoupledTrainer: ModelTrainer {
        var batches: [[Int]] = []
        func groupKey(_ spec: ModelSpec) -> String { "seed \(spec.seed)" }
        func epochBudget(_ members: [ModelSpec]) -> Int { 1 }
        func describe(_ members: [ModelSpec]) -> String { "seed \(members[0].seed)" }
        func train(_ members: [ModelSpec], data: DataSource,
                   onEpoch: @escaping (Int) -> Void) throws -> [TrainedResult] {
            batches.append(members.map(\.layers[1]))
            return members.map { spec in
                let w = Double(spec.seed + spec.layers[1]) + 1e-3 * Double(members.count)
                let record = ModelRecord(key: spec.key, spec: spec,
                                         history: TrainingHistory(metrics: ["loss": [w]]),
                                         evaluation: [:], trainCount: 1, evaluationCount: 1,
                                         batchSize: members.count, batchSeconds: 0)
                return TrainedResult(record: record, weights: RunnerTests.weights(w, spec: spec))
            }
        }
    }

    let plan = RunnerTests.Plan(seeds: [0, 1])

    func runner(_ root: URL) -> ExperimentRunner {
        var r = ExperimentRunner(store: ResultStore(root: root), dataHash: "none") {
            throw ReproError("no data needed")
        }
        r.showProgress = false
        return r
    }

    func weights(_ root: URL) throws -> [[Double]] {
        try plan.specs(data: "none").map { try ResultStore(root: root).weights($0.key)[0].denseWeights }
    }

    func testAPartlySavedBatchIsRetrainedWholeWithTheUninterruptedNumbers() throws {
        let uninterrupted = SyntheticMNIST.temporaryDirectory("whole-a")
        try runner(uninterrupted).run(plan, trainer: CoupledTrainer())
        // A run killed while saving seed 1's batch: its first model saved, the second not.
        let killed = SyntheticMNIST.temporaryDirectory("whole-b")
        try runner(killed).run(plan, trainer: CoupledTrainer())
        let lost = plan.specs(data: "none")[3]
        try FileManager.default.removeItem(at: ResultStore(root: killed).recordURL(lost.key))
        let saved = plan.specs(data: "none")[2].key
        XCTAssertFalse(ResultStore(root: killed).hasModel(saved), "half a batch is not visible")
        XCTAssertThrowsError(try runner(killed).records(plan))

        let trainer = CoupledTrainer()
        let resumed = try runner(killed).run(plan, trainer: trainer)
        XCTAssertEqual(trainer.batches, [[3, 5]], "the whole batch again")
        XCTAssertEqual(resumed.trained, 2)
        XCTAssertEqual(resumed.cached, 2)
        XCTAssertEqual(try weights(killed).map { $0.map(\.bitPattern) },
                       try weights(uninterrupted).map { $0.map(\.bitPattern) })
        XCTAssertEqual(try ResultStore(root: killed).model(saved).batch,
                       [plan.specs(data: "none")[2].key, lost.key])
    }

    /// Rewrites every record of the plan as records were stored before they named their batch
    /// (and before they carried checksums).
    func forgetBatches(_ root: URL) throws -> ResultStore {
        let store = ResultStore(root: root)
        for spec in plan.specs(data: "none") {
            var record = try store.model(spec.key)
            record.batch = nil
            record.sha256 = nil
            record.weightsSHA256 = nil
            try CanonicalJSON.encode(record, pretty: true).write(to: store.recordURL(spec.key))
        }
        return store
    }

    /// Records stored before they named their batch: its size and wall time identify it.
    func testABatchStoredBeforeRecordsNamedItIsAlsoRetrainedWhole() throws {
        let uninterrupted = SyntheticMNIST.temporaryDirectory("legacy-a")
        try runner(uninterrupted).run(plan, trainer: CoupledTrainer())
        let root = SyntheticMNIST.temporaryDirectory("legacy-b")
        try runner(root).run(plan, trainer: CoupledTrainer())
        let store = try forgetBatches(root)
        try FileManager.default.removeItem(at: store.recordURL(plan.specs(data: "none")[1].key))
        let trainer = CoupledTrainer()
        XCTAssertEqual(try runner(root).run(plan, trainer: trainer).trained, 2)
        XCTAssertEqual(trainer.batches, [[3, 5]])
        XCTAssertEqual(try weights(root).map { $0.map(\.bitPattern) },
                       try weights(uninterrupted).map { $0.map(\.bitPattern) })
    }

    func testRecordsStoredBeforeBatchesWereNamedStayValid() throws {
        let root = SyntheticMNIST.temporaryDirectory("whole-legacy")
        try runner(root).run(plan, trainer: CoupledTrainer())
        _ = try forgetBatches(root)
        let trainer = CoupledTrainer()
        XCTAssertEqual(try runner(root).run(plan, trainer: trainer).trained, 0)
        XCTAssertEqual(try runner(root).records(plan).count, 4)
    }
}
