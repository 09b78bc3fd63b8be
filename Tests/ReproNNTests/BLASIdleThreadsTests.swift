import Foundation
import XCTest
@testable import ReproNN

/// Restarting OpenBLAS's threads with a shorter spin keeps their number and every bit the
/// trainer produces; a user's own `OPENBLAS_THREAD_TIMEOUT` is left alone.
final class BLASIdleThreadsTests: XCTestCase {
    func testShorterSpinKeepsThreadsAndBits() throws {
        if getenv("OPENBLAS_THREAD_TIMEOUT") != nil {
            throw XCTSkip("OPENBLAS_THREAD_TIMEOUT is set in this environment")
        }
        let data = TrainerBitsTests.data(), slots = TrainerBitsTests.slots()
        func trainedHash() -> UInt64 {
            let trained = Training.train(slots, on: data, epochs: 10)
            let p = Training.probabilities(trained.map(\.parameters), on: data)
            return TrainerBitsTests.hash(trained, probabilities: p)
        }
        let threads = BLASInfo.threads, before = trainedHash()
        XCTAssertTrue(BLASIdleThreads.shortenSpin(exponent: 12), "OpenBLAS entry points missing")
        XCTAssertEqual(BLASInfo.threads, threads)
        XCTAssertNil(getenv("OPENBLAS_THREAD_TIMEOUT"), "the variable must not leak")
        XCTAssertEqual(trainedHash(), before)
        // Once more, back to a long spin: still the same.
        XCTAssertTrue(BLASIdleThreads.shortenSpin(exponent: 28))
        XCTAssertEqual(trainedHash(), before)
    }

    func testLeavesTheUsersSettingAndRejectsBadExponents() {
        setenv("OPENBLAS_THREAD_TIMEOUT", "25", 1)
        defer { unsetenv("OPENBLAS_THREAD_TIMEOUT") }
        XCTAssertFalse(BLASIdleThreads.shortenSpin())
        XCTAssertEqual(String(cString: getenv("OPENBLAS_THREAD_TIMEOUT")), "25")
        unsetenv("OPENBLAS_THREAD_TIMEOUT")
        XCTAssertFalse(BLASIdleThreads.shortenSpin(exponent: 3))
        XCTAssertFalse(BLASIdleThreads.shortenSpin(exponent: 31))
    }
}
