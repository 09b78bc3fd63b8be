import XCTest
@testable import ReproNN

final class BinaryMetricsTests: XCTestCase {
    func testHandComputedScores() {
        // tp: 0.9, fp: 0.6, fn: 0.4, tn: 0.2
        let m = BinaryMetrics(probabilities: [0.9, 0.2, 0.6, 0.4], labels: [1, 0, 0, 1])
        XCTAssertEqual(m.accuracy, 0.5)
        XCTAssertEqual(m.precision, 0.5)
        XCTAssertEqual(m.recall, 0.5)
        XCTAssertEqual(m.f1, 0.5)
        // positive-over-negative pairs: (0.9,0.2) (0.9,0.6) (0.4,0.2) win, (0.4,0.6) loses → 3/4
        XCTAssertEqual(m.auc, 0.75)
        XCTAssertEqual(m.loss, -(log(0.9) + log(0.8) + log(0.4) + log(0.4)) / 4, accuracy: 1e-12)
    }

    func testTiesCountHalfInAUC() {
        XCTAssertEqual(BinaryMetrics(probabilities: [0.5, 0.5], labels: [1, 0]).auc, 0.5)
        XCTAssertEqual(BinaryMetrics(probabilities: [0.3, 0.3, 0.7, 0.1], labels: [1, 0, 1, 0]).auc,
                       0.875)
    }

    func testUndefinedScoresAreZero() {
        // nothing predicted positive
        let none = BinaryMetrics(probabilities: [0.1, 0.2, 0.3], labels: [1, 1, 0])
        XCTAssertEqual(none.precision, 0)
        XCTAssertEqual(none.recall, 0)
        XCTAssertEqual(none.f1, 0)
        XCTAssertEqual(BinaryMetrics(probabilities: [0.9, 0.8], labels: [1, 1]).auc, 0,
                       "one class only: AUC undefined")
    }

    func testLossIsClippedNotInfinite() {
        let m = BinaryMetrics(probabilities: [0, 1], labels: [1, 0])
        // 1 − (1 − 1e-12) is 1e-12 only to ~1e-4 relative in Double, hence the tolerance.
        XCTAssertEqual(m.loss, -log(1e-12), accuracy: 1e-4)
        XCTAssertTrue(m.loss.isFinite)
    }

    func testThresholdIsInclusiveAtOneHalf() {
        XCTAssertEqual(BinaryMetrics(probabilities: [0.5], labels: [1]).recall, 1)
    }

    /// A diverged model's NaN scores give an undefined AUC, not 0 (which would read as a model
    /// that ranks every negative above every positive).
    func testNaNScoresGiveNaNAUC() {
        XCTAssertTrue(BinaryMetrics(probabilities: [0.9, .nan, 0.2, 0.1],
                                    labels: [1, 1, 0, 0]).auc.isNaN)
        XCTAssertTrue(BinaryMetrics(probabilities: [.nan, .nan], labels: [1, 0]).auc.isNaN)
        XCTAssertEqual(BinaryMetrics(probabilities: [0.9, 0.8, 0.2, 0.1],
                                     labels: [1, 1, 0, 0]).auc, 1)
    }
}
