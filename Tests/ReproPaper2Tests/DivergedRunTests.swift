import XCTest
import ReproNN
@testable import ReproPaper2

/// A run whose loss stops being a number is stored as diverged and printed so, never as trained.
final class DivergedRunTests: XCTestCase {
    func testANonFiniteLossMarksTheRunDiverged() {
        XCTAssertEqual(TrainingHistory.stopReason(losses: [0.5, 0.09], belowThreshold: true,
                                                  threshold: 0.1), "loss below 0.1")
        XCTAssertEqual(TrainingHistory.stopReason(losses: [0.5, 0.4], belowThreshold: false,
                                                  threshold: 0.1), "max epochs")
        let stop = TrainingHistory.stopReason(losses: [0.5, .nan, .nan], belowThreshold: false,
                                              threshold: 0.1)
        XCTAssertTrue(stop.hasPrefix("diverged"), stop)
        XCTAssertTrue(stop.contains("epoch 2"), stop)
        XCTAssertEqual(Paper2ResultTable.stopCode(stop), "diverged")
        XCTAssertEqual(Paper2ResultTable.stopCode("max epochs"), "max-epochs")
    }
}
