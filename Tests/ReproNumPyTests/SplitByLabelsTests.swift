import XCTest
import ReproNumPy

/// `splitByLabels` (§7) without MNIST, so it runs in every test run: a synthetic label array,
/// with expected values computed once by the published steps on numpy 2.4.6 + scikit-learn 1.9.1
/// (`default_rng` choice/permutation, then `train_test_split(stratify=...)`).
final class SplitByLabelsTests: XCTestCase {
    /// 3 000 labels, 323 of each even digit and 277 of each odd one.
    let labels: [UInt8] = (0..<3000).map { UInt8(($0 * 7 + $0 / 13) % 10) }

    func checksum(_ indices: [Int]) -> Int {
        indices.enumerated().reduce(0) { $0 + ($1.offset + 1) * $1.element }
    }

    /// Classes (4, 9), seed 78: Floyd over 323 and over all 277, and a tie (443 is odd) that
    /// seed 78's first MT output (odd) gives to class 4 (§6.9).
    func testPairInAscendingOrder() throws {
        let split = try splitByLabels(labels: labels, classes: [4, 9], seed: 78)
        XCTAssertEqual(split.train.count, 443)
        XCTAssertEqual(split.test.count, 111)
        XCTAssertEqual(Array(split.train.prefix(6)), [1006, 2862, 2046, 1781, 893, 2667])
        XCTAssertEqual(Array(split.train.suffix(3)), [2537, 669, 2388])
        XCTAssertEqual(Array(split.test.prefix(6)), [1834, 1661, 2761, 2311, 498, 575])
        XCTAssertEqual(checksum(split.train), 151_523_930)
        XCTAssertEqual(checksum(split.test), 8_556_640)
        XCTAssertEqual(split.train.filter { labels[$0] == 4 }.count, 222)
        XCTAssertEqual(Set(split.train + split.test).count, 554, "train and test are disjoint")
    }

    /// Classes listed as (8, 3): balancing follows the caller's order, stratification the
    /// ascending one.
    func testCallerOrderDecidesBalancing() throws {
        let split = try splitByLabels(labels: labels, classes: [8, 3], seed: 42)
        XCTAssertEqual(Array(split.train.prefix(6)), [1210, 50, 2409, 1357, 2219, 1877])
        XCTAssertEqual(Array(split.train.suffix(3)), [2356, 2727, 2137])
        XCTAssertEqual(Array(split.test.prefix(6)), [440, 1398, 1369, 818, 1858, 2060])
        XCTAssertEqual(checksum(split.train), 151_903_456)
        XCTAssertEqual(checksum(split.test), 9_442_564)
        let swapped = try splitByLabels(labels: labels, classes: [3, 8], seed: 42)
        XCTAssertNotEqual(swapped, split)
    }

    func testRejectsRepeatedOrMissingClasses() {
        XCTAssertThrowsError(try splitByLabels(labels: labels, classes: [4, 4], seed: 0)) {
            XCTAssertEqual($0 as? SplitByLabelsError, .needDistinctClasses)
        }
        XCTAssertThrowsError(try splitByLabels(labels: labels, classes: [4], seed: 0))
        XCTAssertThrowsError(try splitByLabels(labels: labels, classes: [4, 11], seed: 0)) {
            XCTAssertEqual($0 as? SplitByLabelsError,
                           .split(.invalidSizes(train: 0, test: 0, samples: 0)))
        }
    }
}
