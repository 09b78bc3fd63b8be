import Foundation
import XCTest
@testable import ReproNumPy

/// `mnist_split.{pair}_seed{s}` (§7): `split_by_labels` on the real MNIST training labels, for
/// all five pairs and three seeds, including the intermediate trace of (4, 9) seed 0.
///
/// Needs `train-labels-idx1-ubyte` (uncompressed) in `$REPRO_DATA`, or else in `data/` at the
/// package root (where `repro data fetch` puts it); skipped when it is absent, since the unit
/// tests never download MNIST.
final class MNISTSplitTests: XCTestCase {
    static let pairs = [("0_and_1", 0, 1), ("1_and_7", 1, 7), ("4_and_9", 4, 9),
                        ("3_and_8", 3, 8), ("5_and_6", 5, 6)]

    func loadTrainingLabels() throws -> [UInt8] {
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let directory = ProcessInfo.processInfo.environment["REPRO_DATA"].map {
            URL(fileURLWithPath: $0)
        } ?? packageRoot.appendingPathComponent("data")
        let url = directory.appendingPathComponent("train-labels-idx1-ubyte")
        try XCTSkipUnless(FileManager.default.fileExists(atPath: url.path),
                          "MNIST training labels not found at \(url.path)")
        let bytes = [UInt8](try Data(contentsOf: url))
        XCTAssertEqual(bytes.count, 60_008)
        XCTAssertEqual(Array(bytes.prefix(8)), [0, 0, 8, 1, 0, 0, 0xEA, 0x60], "IDX label header")
        return Array(bytes.dropFirst(8))
    }

    func testAllFifteenSplits() throws {
        let labels = try loadTrainingLabels()
        for seed: UInt32 in [0, 42, 78] {
            for (name, a, b) in Self.pairs {
                let key = "\(name)_seed\(seed)"
                let fixture = Fixtures.root["mnist_split"][key]
                let split = try splitByLabels(labels: labels, classes: [UInt8(a), UInt8(b)],
                                              seed: seed)
                XCTAssertEqual(split.train.count, fixture["n_train"].int, key)
                XCTAssertEqual(split.test.count, fixture["n_test"].int, key)
                for (part, indices) in [("train", split.train), ("test", split.test)] {
                    let counts = fixture["\(part)_label_counts"]
                    for digit in [a, b] {
                        XCTAssertEqual(indices.filter { labels[$0] == digit }.count,
                                       counts[String(digit)].int, "\(key) \(part) \(digit)")
                    }
                    XCTAssertEqual(Array(indices.prefix(10)),
                                   fixture["x_\(part)_orig_first10"].ints, key)
                    XCTAssertEqual(Array(indices.suffix(10)),
                                   fixture["x_\(part)_orig_last10"].ints, key)
                    let checksum = indices.enumerated().reduce(0) {
                        $0 + ($1.offset + 1) * $1.element
                    }
                    XCTAssertEqual(checksum, fixture["checksum_\(part)_sum_(i+1)*orig"].int, key)
                }
            }
        }
    }

    /// The trace of (4, 9), seed 0 (§7.2): each step's intermediate values.
    func testTraceOfFourAndNineSeedZero() throws {
        let labels = try loadTrainingLabels()
        let trace = Fixtures.root["mnist_split"]["4_and_9_seed0"]["trace"]
        let ranks = labels.map { $0 == 4 ? 0 : $0 == 9 ? 1 : -1 }
        let subset = BalancedSubset(classRanks: ranks, classOrder: [0, 1], seed: 0)
        let m = trace["choice_label_4"]["size"].int
        XCTAssertEqual(m, 5842)
        XCTAssertEqual(subset.filtered.count, 5842 + trace["choice_label_9"]["pop_size"].int)
        for (offset, key) in [(0, "choice_label_4"), (m, "choice_label_9")] {
            let chosen = Array(subset.selected[offset..<(offset + 10)])
            XCTAssertEqual(chosen, trace[key]["selected_filtered_positions_first10"].ints, key)
            XCTAssertEqual(chosen.map { subset.filtered[$0] },
                           trace[key]["selected_original_indices_first10"].ints, key)
        }
        XCTAssertEqual(Array(subset.order.prefix(10)), trace["permutation_first10"].ints)
        let split = try stratifiedTrainTestSplit(labels: subset.sampleIndices.map { labels[$0] },
                                                 randomState: 0)
        XCTAssertEqual(Array(split.train.prefix(10)), trace["sklearn_train_positions_first10"].ints)
        XCTAssertEqual(Array(split.test.prefix(10)), trace["sklearn_test_positions_first10"].ints)
    }
}
