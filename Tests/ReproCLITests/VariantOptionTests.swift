import ArgumentParser
import XCTest
@testable import ReproCLI

/// `--variant` on the command line: accepted for sparse-width and robustness, a wrong name or
/// a family without variants refused in one line; `--seeds N` accepted for paper 2.
final class VariantOptionTests: XCTestCase {
    func testBadVariantsAreRefusedInOneLine() {
        let cases: [([String], String)] = [
            (["run", "sparse-width", "--variant", "normal"], "output-dense, normal-init"),
            (["run", "robustness", "--variant", "bias"], "no-bias"),
            (["results", "sparse-depth", "--variant", "no-bias"], "--variant"),
            (["run", "capacity", "--variant", "no-bias"], "--variant"),
            (["run", "sparse-width", "--variant", "output-dense", "--widths", "16384"], "8192"),
            (["run", "robustness-cnn", "--variant", "no-bias"], "--variant"),
        ]
        Invocation.assertRefusedInOneLine(cases)
    }

    func testVariantsAndPaper2SeedsParse() throws {
        let run = try XCTUnwrap(try Repro.parseAsRoot(
            ["run", "robustness", "--variant", "normal-init", "--quick"]) as? RunCommand)
        XCTAssertEqual(run.arguments.options.variant, "normal-init")
        XCTAssertNotNil(try Repro.parseAsRoot(["results", "sparse-width", "--variant", "batch-64"]))
        let report = try XCTUnwrap(try Repro.parseAsRoot(
            ["build-report", "--paper", "2", "--seeds", "8"]) as? BuildReportCommand)
        XCTAssertEqual(report.seeds.count, 8)
    }
}
