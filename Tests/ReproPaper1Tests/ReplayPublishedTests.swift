import Foundation
import XCTest
import ReproData
import ReproExperiments
import ReproTestSupport
@testable import ReproPaper1

/// Under replay, the first models of seed 0 give the published code's held-out F1 exactly.
///
/// The expected values are what the published program (`train.py`'s loop, then `prune.py`'s
/// held-out evaluation, numpy 2.4.6, scikit-learn 1.9.1) printed for these models on the real
/// MNIST, run outside this repository. It trains on the real MNIST (about a minute on a busy
/// machine), so it runs only when asked: `make check-replay`, or `REPRO_PUBLISHED_CHECK=1` with
/// the verified MNIST files in `$REPRO_DATA` or `data/` at the package root.
final class ReplayPublishedTests: XCTestCase {
    /// (pair, held-out F1 as Python printed it, true positives, false positives, false negatives)
    static let published: [(DigitPair, Double, Int, Int, Int)] = [
        (DigitPair(0, 1), 0.9216374269005848, 1182, 198, 3),
        (DigitPair(1, 7), 0.9114893617021277, 1071, 26, 182),
        (DigitPair(4, 9), 0.5317460317460317, 603, 497, 565),
    ]

    func mnistDirectory() throws -> MNISTDirectory {
        try XCTSkipUnless(ProcessInfo.processInfo.environment["REPRO_PUBLISHED_CHECK"] == "1",
                          "trains on real MNIST; run it with `make check-replay`")
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = ProcessInfo.processInfo.environment["REPRO_DATA"].map {
            URL(fileURLWithPath: $0, isDirectory: true)
        } ?? packageRoot.appendingPathComponent("data", isDirectory: true)
        let images = url.appendingPathComponent(MNISTFile.trainImages.fileName)
        try XCTSkipUnless(FileManager.default.fileExists(atPath: images.path),
                          "MNIST not found in \(url.path); set REPRO_DATA to run this check")
        return MNISTDirectory(url: url)
    }

    func testFirstModelsOfSeedZeroGiveThePublishedHeldOutF1() throws {
        let directory = try mnistDirectory()
        var runner = ExperimentRunner(store: ResultStore(root: SyntheticMNIST.temporaryDirectory()),
                                      data: DataSource(directory: directory))
        runner.showProgress = false
        var plan = Paper1Plan.capacity().drawing(.numpy)
        plan.pairs = Self.published.map(\.0)
        plan.hiddenSizes = [2]
        plan.seeds = [0]
        try runner.run(plan)
        let records = try runner.records(plan)
        for (pair, f1, tp, fp, fn) in Self.published {
            guard let record = records.first(where: { $0.spec.pair == pair }) else {
                return XCTFail("no replayed model for \(pair)")
            }
            XCTAssertEqual(record.heldOut.f1.bitPattern, f1.bitPattern,
                           "\(pair): \(record.heldOut.f1) against the published \(f1)")
            XCTAssertEqual(record.heldOut.f1, 2 * Double(tp) / Double(2 * tp + fp + fn))
        }
    }
}
