import XCTest
@testable import ReproNumPy

/// `toy_stratified` (§6) plus `_approximate_mode`'s own documented examples and the validation
/// errors scikit-learn raises.
final class StratifiedSplitTests: XCTestCase {
    /// Each toy case: `train_test_split(arange(n), labels, test_size=0.2, stratify=labels,
    /// random_state=rs)`, so `x_train` / `x_test` are the index arrays themselves.
    func testToyCases() throws {
        let cases = Fixtures.root["toy_stratified"]
        XCTAssertEqual(cases.keys.count, 4)
        for name in cases.keys {
            let fixture = cases[name]
            let labels = fixture["labels"].ints
            let split = try stratifiedTrainTestSplit(
                labels: labels, testFraction: 0.2,
                randomState: UInt32(fixture["random_state"].int))
            XCTAssertEqual(split.train, fixture["x_train"].ints, name)
            XCTAssertEqual(split.test, fixture["x_test"].ints, name)
            XCTAssertEqual(split.train.map { labels[$0] }, fixture["y_train"].ints, name)
            XCTAssertEqual(split.test.map { labels[$0] }, fixture["y_test"].ints, name)
        }
    }

    /// The examples in `_approximate_mode`'s docstring (scikit-learn 1.9.1).
    func testApproximateModeDocumentedExamples() {
        func mode(_ counts: [Int], _ draws: Int, _ seed: UInt32) -> [Int] {
            var rng = RandomState(seed: seed)
            return approximateMode(classCounts: counts, draws: draws, rng: &rng)
        }
        XCTAssertEqual(mode([4, 2], 3, 0), [2, 1])
        XCTAssertEqual(mode([5, 2], 4, 0), [3, 1])
        XCTAssertEqual(mode([2, 2, 2, 1], 2, 0), [0, 1, 1, 0])
        XCTAssertEqual(mode([2, 2, 2, 1], 2, 42), [1, 1, 0, 0])
    }

    /// §6.9: two equal classes and an odd training size: one draw `u`; class 1 gets the extra
    /// sample when `u` is even. Seed 0's first output is even, seed 78's odd (§7.1).
    func testTieBreakBetweenTwoEqualClasses() {
        for (seed, winner) in [(UInt32(0), 1), (42, 1), (78, 0)] {
            var rng = RandomState(seed: seed)
            let shares = approximateMode(classCounts: [5842, 5842], draws: 9347, rng: &rng)
            XCTAssertEqual(shares[winner], 4674, "seed \(seed)")
            XCTAssertEqual(shares[1 - winner], 4673, "seed \(seed)")
            XCTAssertEqual(rng.bitGenerator.position, 1, "one MT output for the tie")
        }
    }

    func testTestSizeIsCeilingOfIEEEProduct() throws {
        // 0.2 × 12 = 2.4000000000000004 → 3 test samples.
        let split = try stratifiedTrainTestSplit(labels: Array(repeating: [0, 1], count: 6)
            .flatMap { $0 }, randomState: 0)
        XCTAssertEqual(split.test.count, 3)
        XCTAssertEqual(split.train.count, 9)
    }

    func testClassIndicesAreAscendingPerSortedClass() {
        XCTAssertEqual(indicesByClass(["b", "a", "c", "a", "b"]), [[1, 3], [0, 4], [2]])
    }

    func testErrors() {
        XCTAssertThrowsError(try stratifiedTrainTestSplit(labels: [0, 0, 0, 1], randomState: 0)) {
            XCTAssertEqual($0 as? StratifiedSplitError, .classTooSmall)
        }
        XCTAssertThrowsError(try stratifiedTrainTestSplit(labels: [0, 1, 0, 1], testFraction: 1,
                                                          randomState: 0)) {
            XCTAssertEqual($0 as? StratifiedSplitError, .testFractionOutOfRange(1))
        }
        // n = 6: n_test = ceil(1.2) = 2 but there are 3 classes.
        XCTAssertThrowsError(try stratifiedTrainTestSplit(labels: [0, 0, 1, 1, 2, 2],
                                                          randomState: 0)) {
            XCTAssertEqual($0 as? StratifiedSplitError,
                           .fewerSamplesThanClasses(train: 4, test: 2, classes: 3))
        }
    }
}
