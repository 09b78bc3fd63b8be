import Foundation
import XCTest
@testable import ReproSparse

/// Two side-by-side runs that overlap (the first ends while the second still runs) leave
/// OpenBLAS's thread count as it was before either began.
final class BLASThreadsTests: XCTestCase {
    func testOverlappingSideBySideRunsRestoreTheThreadCount() throws {
        let before = SparseConcurrency.blasThreads
        SparseConcurrency.blasThreads = 2
        defer { SparseConcurrency.blasThreads = before }
        let aIn = DispatchSemaphore(value: 0), bIn = DispatchSemaphore(value: 0)
        let aGo = DispatchSemaphore(value: 0), bGo = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        func run(_ entered: DispatchSemaphore, _ go: DispatchSemaphore) {
            done.enter()
            DispatchQueue.global().async {
                _ = try? SparseConcurrency.runSideBySide(1, threads: 1) { _ in
                    entered.signal()
                    go.wait()
                    return 0
                }
                done.leave()
            }
        }
        run(aIn, aGo)            // A starts
        aIn.wait()
        run(bIn, bGo)            // B starts while A runs
        bIn.wait()
        XCTAssertEqual(SparseConcurrency.blasThreads, 1, "single-threaded during the runs")
        aGo.signal()             // A ends first…
        Thread.sleep(forTimeInterval: 0.05)
        XCTAssertEqual(SparseConcurrency.blasThreads, 1, "…while B still runs")
        bGo.signal()             // …then B
        done.wait()
        XCTAssertEqual(SparseConcurrency.blasThreads, 2, "restored when the last run ends")
    }
}
