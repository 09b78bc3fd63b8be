import Foundation
import XCTest
import ReproData
import ReproNN
import ReproSupport
import ReproTestSupport
@testable import ReproExperiments

/// The runner with a trainer of its own: what it trains, caches, shards and records does not
/// depend on any paper.
final class RunnerTests: XCTestCase {
    struct Plan: ExperimentPlanning {
        var experiment = "toy"
        var seeds: [Int]
        func specs(data: String) -> [ModelSpec] {
            seeds.flatMap { seed in
                [3, 5].map { width in
                    ModelSpec(task: .tenDigits, layers: [4, width, 10], loss: .softmaxCrossEntropy,
                              initialization: Initialization(kind: "constant"),
                              optimizer: OptimizerSpec(kind: "none", learningRate: 1, epochs: 2),
                              seed: seed, precision: .float32, data: data,
                              trainer: TrainerVersion(kind: "toy", version: 1))
                }
            }
        }
        func validate() throws { if seeds.isEmpty { throw ReproError("--seeds: none") } }
    }

    /// Batches by seed; every weight is seed + width, so results are easy to check.
    final class Trainer: ModelTrainer {
        var batches: [[Int]] = []
        func groupKey(_ spec: ModelSpec) -> String { "seed \(spec.seed)" }
        func epochBudget(_ members: [ModelSpec]) -> Int { 2 }
        func describe(_ members: [ModelSpec]) -> String { "seed \(members[0].seed)" }
        func train(_ members: [ModelSpec], data: DataSource,
                   onEpoch: @escaping (Int) -> Void) throws -> [TrainedResult] {
            batches.append(members.map(\.layers[1]))
            onEpoch(1); onEpoch(2)
            return members.map { spec in
                let w = Double(spec.seed + spec.layers[1])
                let record = ModelRecord(key: spec.key, spec: spec,
                                         history: TrainingHistory(metrics: ["loss": [1, 0.5]],
                                                                  stop: "epochs"),
                                         evaluation: ["accuracy": w / 100], trainCount: 1,
                                         evaluationCount: 1,
                                         batchSize: members.count, batchSeconds: 0.5)
                return TrainedResult(record: record, weights: RunnerTests.weights(w, spec: spec))
            }
        }
    }

    /// Layers of the spec's shape, every weight `w`.
    static func weights(_ w: Double, spec: ModelSpec) -> [LayerWeights] {
        zip(spec.layers, spec.layers.dropFirst()).map { fanIn, fanOut in
            LayerWeights(fanIn: fanIn, fanOut: fanOut,
                         storage: .dense(.init(repeating: w, count: fanIn * fanOut)),
                         bias: .init(repeating: 0, count: fanOut))
        }
    }

    func runner(_ root: URL) -> ExperimentRunner {
        var r = ExperimentRunner(store: ResultStore(root: root), dataHash: "none") {
            throw ReproError("no data needed")
        }
        r.showProgress = false
        return r
    }

    /// `repro claims --stored`: a read-only runner trains nothing and hands out what is stored.
    func testAReadOnlyRunnerTrainsNothingAndReturnsTheStoredRecords() throws {
        let root = SyntheticMNIST.temporaryDirectory("runner-stored")
        let trainer = Trainer()
        try runner(root).run(Plan(seeds: [0]), trainer: trainer)
        var readOnly = runner(root)
        readOnly.storedOnly = true
        let outcome = try readOnly.run(Plan(seeds: [0, 1]), trainer: trainer)
        XCTAssertEqual(outcome.trained, 0)
        XCTAssertEqual(outcome.cached, 2)
        XCTAssertFalse(outcome.complete)
        XCTAssertEqual(trainer.batches.count, 1, "seed 1 was not trained")
        XCTAssertEqual(try readOnly.records(Plan(seeds: [0, 1])).map(\.spec.seed), [0, 0])
        XCTAssertThrowsError(try runner(root).records(Plan(seeds: [0, 1])),
                             "a runner that computes still refuses a partial plan")
        XCTAssertTrue(readOnly.with(store: ResultStore(root: root)).storedOnly)
    }

    func testTrainsOnlyWhatIsMissingAndRecordsTheRun() throws {
        let root = SyntheticMNIST.temporaryDirectory("runner")
        let trainer = Trainer()
        let first = try runner(root).run(Plan(seeds: [0, 1]), trainer: trainer)
        XCTAssertEqual(first.trained, 4)
        XCTAssertEqual(trainer.batches, [[3, 5], [3, 5]])
        let again = try runner(root).run(Plan(seeds: [0, 1, 2]), trainer: trainer)
        XCTAssertEqual(again.trained, 2)
        XCTAssertEqual(again.cached, 4)
        let records = try runner(root).records(Plan(seeds: [2]))
        XCTAssertEqual(records.map { $0.evaluation["accuracy"] }, [0.05, 0.07])
        XCTAssertEqual(records[0].history.stop, "epochs")
        XCTAssertEqual(try ResultStore(root: root).weights(records[1].key)[0].denseWeights.first, 7)
        let planKey = Plan(seeds: [0, 1, 2]).key
        let manifest = try XCTUnwrap(ResultStore(root: root).run(experiment: "toy",
                                                                 planKey: planKey))
        XCTAssertEqual(manifest.modelKeys.count, 6)
        XCTAssertEqual(manifest.computeSeconds, 1.5, accuracy: 1e-12)
    }

    func testShardsSplitTheBatchListAndMergeInTheStore() throws {
        let root = SyntheticMNIST.temporaryDirectory("shards")
        let plan = Plan(seeds: [0, 1, 2])
        let a = try runner(root).run(plan, trainer: Trainer(), shard: try Shard(index: 0, count: 2))
        XCTAssertEqual(a.trained, 4)
        XCTAssertFalse(a.complete)
        XCTAssertThrowsError(try runner(root).records(plan)) {
            XCTAssertTrue("\($0)".contains("repro run toy"))
        }
        let b = try runner(root).run(plan, trainer: Trainer(), shard: try Shard(index: 1, count: 2))
        XCTAssertEqual(b.trained, 2)
        XCTAssertTrue(b.complete)
    }

    func testAnOptionalSpecFieldLeftNilDoesNotChangeTheKey() throws {
        var spec = Plan(seeds: [0]).specs(data: "d")[0]
        let key = spec.key
        XCTAssertFalse(String(decoding: try CanonicalJSON.encode(spec), as: UTF8.self)
            .contains("derivation"))
        spec.derivation = Derivation(kind: "magnitude-pruning", source: key, version: 1)
        XCTAssertNotEqual(spec.key, key)
    }
}
