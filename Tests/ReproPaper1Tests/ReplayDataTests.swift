import XCTest
import ReproData
import ReproNN
import ReproNumPy
import ReproTestSupport
@testable import ReproPaper1

/// The replayed task is the published `split_by_labels`, row for row, with the published code's
/// float32 pixels.
final class ReplayDataTests: XCTestCase {
    let mnist = try! SyntheticMNIST.mnist()

    func testSplitIsSplitByLabels() throws {
        for (pair, seed) in [(DigitPair(4, 9), 0), (DigitPair(3, 8), 78)] {
            let task = try BinaryTask.replayed(mnist: mnist, pair: pair, seed: seed)
            let expected = try splitByLabels(labels: mnist.trainLabels,
                                             classes: [UInt8(pair.low), UInt8(pair.high)],
                                             seed: UInt32(seed))
            XCTAssertEqual(task.train.sourceIndices, expected.train, "\(pair) seed \(seed)")
            XCTAssertEqual(task.heldOut.sourceIndices, expected.test, "\(pair) seed \(seed)")
            XCTAssertEqual(task.train.labels, expected.train.map {
                mnist.trainLabels[$0] == UInt8(pair.high) ? 1 : 0
            })
        }
    }

    func testReplayedSplitDiffersFromTheToolsOwn() throws {
        let replayed = try BinaryTask.make(mnist: mnist, pair: DigitPair(4, 9), seed: 0,
                                           replay: true)
        let own = try BinaryTask.make(mnist: mnist, pair: DigitPair(4, 9), seed: 0, replay: false)
        XCTAssertEqual(replayed.train.count, own.train.count)
        XCTAssertNotEqual(replayed.train.sourceIndices, own.train.sourceIndices)
    }

    /// Float32(byte)/255 widened is not Double(byte)/255: e.g. byte 1 gives
    /// 0.003921568859368563 against 0.00392156862745098.
    func testPixelsAreThePublishedFloat32Values() throws {
        let images = try BinaryTask.replayed(mnist: mnist, pair: DigitPair(0, 1), seed: 0).train
        let replayed = TrainingSet(images, replay: true), own = TrainingSet(images, replay: false)
        for (k, byte) in images.pixels.enumerated() {
            XCTAssertEqual(replayed.features[k], Double(Float(byte) / 255))
        }
        XCTAssertNotEqual(replayed.features, own.features)
        XCTAssertEqual(Double(Float(1) / 255), 0.003921568859368563)
    }
}
