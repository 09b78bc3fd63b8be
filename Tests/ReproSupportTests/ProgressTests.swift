import XCTest
@testable import ReproSupport

final class ProgressTests: XCTestCase {
    func testBarShowsFractionCountAndETA() {
        let line = Progress.bar(label: "capacity", done: 1, total: 4, elapsed: 30, width: 8)
        XCTAssertEqual(line, "capacity [##------] 1/4 0:30 eta 1:30")
    }

    func testETAIsUndefinedBeforeFirstAndAfterLastUnit() {
        XCTAssertNil(Progress.eta(done: 0, total: 3, elapsed: 5))
        XCTAssertNil(Progress.eta(done: 3, total: 3, elapsed: 5))
        XCTAssertEqual(Progress.eta(done: 2, total: 3, elapsed: 10)!, 5, accuracy: 1e-12)
    }

    func testClockFormats() {
        XCTAssertEqual(Progress.clock(0), "0:00")
        XCTAssertEqual(Progress.clock(75), "1:15")
        XCTAssertEqual(Progress.clock(3725), "1:02:05")
    }
}
