import Foundation
import XCTest
import ReproNN
@testable import ReproSupport
import ReproTestSupport
@testable import ReproExperiments

/// Before it trains, a run removes what crashed writes left behind and refuses a batch that
/// cannot fit in memory.
final class RunResourcesTests: XCTestCase {
    /// RunnerTests' trainer, with a memory estimate of 300 MB per model.
    final class HungryTrainer: ModelTrainer {
        let inner = RunnerTests.Trainer()
        func groupKey(_ spec: ModelSpec) -> String { inner.groupKey(spec) }
        func epochBudget(_ members: [ModelSpec]) -> Int { inner.epochBudget(members) }
        func describe(_ members: [ModelSpec]) -> String { inner.describe(members) }
        func train(_ members: [ModelSpec], data: DataSource,
                   onEpoch: @escaping (Int) -> Void) throws -> [TrainedResult] {
            try inner.train(members, data: data, onEpoch: onEpoch)
        }
        func estimatedBytes(_ members: [ModelSpec]) -> Int { members.count * 300 << 20 }
        var smallerBatches: String { "give fewer --widths" }
    }

    func runner(_ root: URL, limit: Int? = nil) -> ExperimentRunner {
        var r = ExperimentRunner(store: ResultStore(root: root), dataHash: "none") {
            throw ReproError("no data needed")
        }
        r.showProgress = false
        r.memoryLimit = limit
        return r
    }

    func testStaleTemporaryFilesAreRemovedButALiveWritersAreNot() throws {
        let root = SyntheticMNIST.temporaryDirectory("stale")
        let models = root.appendingPathComponent("models")
        try FileManager.default.createDirectory(at: models, withIntermediateDirectories: true)
        let stale = models.appendingPathComponent(".abc.json.4242-1f.tmp")
        let live = models.appendingPathComponent(".def.weights.4243-2e.tmp")
        let other = models.appendingPathComponent("notes.tmp")
        for url in [stale, live, other] { try Data("half".utf8).write(to: url) }
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-3600)],
                                              ofItemAtPath: stale.path)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-3600)],
                                              ofItemAtPath: other.path)
        try runner(root).run(RunnerTests.Plan(seeds: [0]), trainer: RunnerTests.Trainer())
        XCTAssertFalse(FileManager.default.fileExists(atPath: stale.path), "crash leftover removed")
        XCTAssertTrue(FileManager.default.fileExists(atPath: live.path), "a recent one may be live")
        XCTAssertTrue(FileManager.default.fileExists(atPath: other.path), "not a temporary file of ours")
        XCTAssertTrue(StoreNotices.reported.contains {
            $0.contains("removed 1 stale temporary file") && $0.contains(root.path)
        })
    }

    func testABatchThatCannotFitIsRefusedBeforeAnyTrainingWithTheNumbers() throws {
        let root = SyntheticMNIST.temporaryDirectory("memory")
        let trainer = HungryTrainer()
        XCTAssertThrowsError(try runner(root, limit: 500 << 20)
            .run(RunnerTests.Plan(seeds: [0, 1, 2, 3]), trainer: trainer)) { error in
            XCTAssertEqual("\(error)", "the batch seed 0 (2 models) needs about 600 MB of memory, "
                           + "but only 500 MB is available; give fewer --widths, or free memory")
        }
        XCTAssertTrue(trainer.inner.batches.isEmpty, "nothing trained")
        let fits = try runner(root, limit: 1 << 30).run(RunnerTests.Plan(seeds: [0]),
                                                         trainer: HungryTrainer())
        XCTAssertEqual(fits.trained, 2)
    }

    func testAvailableMemoryReadsMemAvailable() {
        let meminfo = "MemTotal:        8000000 kB\nMemFree:          100000 kB\n"
            + "MemAvailable:     2097152 kB\nBuffers:            2000 kB\n"
        XCTAssertEqual(AvailableMemory.parse(meminfo: meminfo), 2 << 30)
        XCTAssertNil(AvailableMemory.parse(meminfo: "MemTotal: 1 kB\n"))
        XCTAssertGreaterThan(AvailableMemory.bytes(), 0)
        XCTAssertEqual(AvailableMemory.text(3 << 29), "1.5 GB")
    }
}
