import XCTest
@testable import ReproCLI

/// `build-report --full` is paper 2's whole CNN design: with --quick, or for paper 1, it is
/// refused in one line naming the fix.
final class FullProfileTests: XCTestCase {
    func testFullIsRefusedWithQuickAndForPaper1() {
        Invocation.assertRefusedInOneLine([
            (["build-report", "--full", "--quick", "--paper", "2"], "--quick"),
            (["build-report", "--full", "--paper", "1"], "--paper 2"),
            (["build-report", "--full"], "--paper 2"),
        ])
    }

    /// `claims` and `build-report` say how much they will compute before they start.
    func testAnEmptyOutputIsAnnouncedWithItsEstimate() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("pending-\(UUID())")
        let command = try XCTUnwrap(try Repro.parseAsRoot(
            ["build-report", "--paper", "2", "--quick", "--output", output.path]) as? BuildReportCommand)
        let line = try XCTUnwrap(try PendingWork.line(command.clusterContext, command: "build-report"))
        XCTAssertTrue(line.hasPrefix("build-report: computing first what the output lacks: at most about "),
                      line)
        XCTAssertTrue(line.contains("core-"), line)
    }

    func testFullParsesForPaper2() throws {
        let command = try XCTUnwrap(try Repro.parseAsRoot(["build-report", "--full", "--paper", "2"])
            as? BuildReportCommand)
        XCTAssertTrue(command.full)
    }
}
