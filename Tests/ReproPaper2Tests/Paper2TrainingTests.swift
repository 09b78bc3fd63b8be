import Foundation
import XCTest
import ReproData
import ReproExperiments
import ReproNN
import ReproSparse
import ReproSupport
import ReproTestSupport
@testable import ReproPaper2

/// The trainer adapter on synthetic digits: results stored with their masks, reproducible, resumed.
final class Paper2TrainingTests: XCTestCase {
    let fixture = Paper2Fixture()
    var mnist: MNIST { fixture.mnist }

    func plan(_ family: Paper2Family = .sparseWidth) -> Paper2Plan { fixture.plan(family) }
    func runner(_ root: URL) -> ExperimentRunner { fixture.runner(root) }

    func testTrainsStoresAndReusesWithMasksIntact() throws {
        let root = SyntheticMNIST.temporaryDirectory("paper2")
        let first = try runner(root).run(plan(), trainer: SparseNetworkTrainer(threads: 1))
        XCTAssertEqual(first.trained, 2)
        let records = try runner(root).records(plan())
        for record in records {
            XCTAssertEqual(record.history.epochs, 2)
            XCTAssertEqual(record.history.stop, "max epochs")
            XCTAssertEqual(record.perClassRecall?.count, 10)
            XCTAssertEqual(record.evaluationCount, mnist.testCount)
            let layers = try ResultStore(root: root).weights(record.key)
            XCTAssertEqual(layers.map(\.keptCount), record.spec.keptPerLayer)
        }
        XCTAssertEqual(try runner(root).run(plan(), trainer: SparseNetworkTrainer(threads: 1))
                           .trained, 0)
        XCTAssertTrue(Paper2ResultTable(records: records, family: .sparseWidth).csv()
            .hasPrefix("family,architecture,width,depth,keep,nnz,seed,epochs,stop,final_train_loss,"
                       + "test_accuracy,test_loss,min_class_recall,train_seconds\n"))
    }

    /// Same seed, same bits (the same thread count: dense layers go through BLAS, whose sums
    /// may be split differently with another number of threads).
    func testSameSeedSameWeights() throws {
        let a = SyntheticMNIST.temporaryDirectory("paper2-a")
        let b = SyntheticMNIST.temporaryDirectory("paper2-b")
        try runner(a).run(plan(.sparseDepth), trainer: SparseNetworkTrainer(threads: 2))
        try runner(b).run(plan(.sparseDepth), trainer: SparseNetworkTrainer(threads: 2))
        for spec in plan(.sparseDepth).specs(data: "synthetic") {
            let wa = try ResultStore(root: a).weights(spec.key)
            let wb = try ResultStore(root: b).weights(spec.key)
            XCTAssertTrue(wa == wb,
                          "depth \(spec.depth): weights differ between two identical runs")
        }
    }

    func testPrunedNetworksKeepTheLargestWeightsOfTheirDenseSource() throws {
        let root = SyntheticMNIST.temporaryDirectory("paper2-pruned")
        var pruned = plan(.prunedWidth)
        pruned.widths = [256]
        try runner(root).run(pruned, trainer: SparseNetworkTrainer(threads: 1))
        let specs = pruned.specs(data: "synthetic")
        let dense = try ResultStore(root: root).weights(specs[0].key)
        let kept = try ResultStore(root: root).weights(specs[1].key)
        XCTAssertEqual(kept.map(\.keptCount), [784 * 128, 10 * 128])
        let threshold = kept[0].denseWeights.filter { $0 != 0 }.map(abs).min() ?? 0
        let larger = dense[0].denseWeights.filter { abs($0) > threshold }.count
        XCTAssertLessThanOrEqual(larger, 784 * 128, "nothing larger than a kept weight was dropped")
    }

    /// The dense source already stored (by the width family, or a run cut short after it):
    /// the pruned network is derived from the stored weights and equals the one pruned in the
    /// same batch, bit for bit.
    func testPrunedFromAStoredSourceEqualsPrunedInItsBatch() throws {
        var pruned = plan(.prunedWidth)
        pruned.widths = [256]
        let specs = pruned.specs(data: "synthetic")
        let together = SyntheticMNIST.temporaryDirectory("paper2-together")
        try runner(together).run(pruned, trainer: SparseNetworkTrainer(threads: 1))
        let apart = SyntheticMNIST.temporaryDirectory("paper2-apart")
        try runner(together).store.copyModel(specs[0].key, to: ResultStore(root: apart))
        let outcome = try runner(apart).run(pruned, trainer: SparseNetworkTrainer(threads: 1))
        XCTAssertEqual(outcome.trained, 1)
        XCTAssertEqual(outcome.cached, 1)
        XCTAssertTrue(try ResultStore(root: apart).weights(specs[1].key)
                      == ResultStore(root: together).weights(specs[1].key))
        XCTAssertEqual(try ResultStore(root: apart).model(specs[1].key).evaluation,
                       try ResultStore(root: together).model(specs[1].key).evaluation)
    }

    func testABatchTooLargeForMemoryIsRefusedBeforeTraining() throws {
        let root = SyntheticMNIST.temporaryDirectory("paper2-memory")
        var r = runner(root)
        r.memoryLimit = 100 << 20
        XCTAssertThrowsError(try r.run(plan(), trainer: SparseNetworkTrainer(threads: 1))) {
            XCTAssertTrue("\($0)".contains("of memory, but only 100 MB is available"), "\($0)")
            XCTAssertTrue("\($0)".contains("--widths"), "\($0)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("models").path))
    }

    func testStoredLayersRoundTripExactly() throws {
        let spec = plan().specs(data: "d")[1]
        let model = try SparseNetworkTrainer.initialModel(spec)
        XCTAssertEqual(try SparseMLP(storedLayers: model.storedLayers), model)
    }
}

extension ResultStore {
    /// Copies one model's record and weights into another store (a test's way to pre-store it).
    func copyModel(_ key: String, to other: ResultStore) throws {
        try other.save(TrainedResult(record: try model(key), weights: try weights(key)))
    }
}
