import ArgumentParser
import XCTest
@testable import ReproCLI

/// `--epochs 9 --epochs 8` is refused in one line as a usage error before anything runs.
final class RepeatedOptionsTests: XCTestCase {
    func testARepeatedOptionIsRefusedBeforeAnythingRuns() throws {
        let error = try XCTUnwrap(Repro.execute(["run", "sparse-width", "--epochs", "9",
                                                 "--epochs", "8", "--output", "/nonexistent/x"]))
        XCTAssertEqual(Repro.message(for: error), "--epochs is given more than once; give it once")
        XCTAssertEqual(Repro.exitCode(for: error), ExitCode.validationFailure)
        XCTAssertThrowsError(try RepeatedOptions.refuse(["--quick", "--paper=2", "--paper", "1"]))
        XCTAssertNoThrow(try RepeatedOptions.refuse(["--sbatch-arg=--a", "--sbatch-arg=--b"]))
        XCTAssertNoThrow(try RepeatedOptions.refuse(["--seeds", "3", "--", "--seeds"]))
    }
}
