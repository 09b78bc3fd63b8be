import ArgumentParser
import Foundation
import XCTest
@testable import ReproCLI

/// Class 2 of issue 15: every command that writes checks its output location before any work
/// (here: before it even looks for MNIST, which the empty data directory lacks), and says what
/// is wrong in one sentence naming the path and the fix, exit 1.
final class OutputLocationTests: XCTestCase {
    /// The repository's `paper/` and `templates/`, whatever the working directory.
    private let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    private func scratch() throws -> URL {
        let url = Invocation.scratch("out")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
            try? FileManager.default.removeItem(at: url)
        }
        return url
    }

    /// Every writing command with `--output output`, MNIST nowhere to be found.
    private func writingCommands(output: String, data: String) -> [[String]] {
        let facts = ["--paper-facts", repository.appendingPathComponent("paper").path]
        let common = ["--output", output, "--data-dir", data]
        return [
            ["run", "lr-grid"] + common,
            ["run", "sparse-width", "--quick"] + common,
            ["figures", "paper1", "--quick"] + common + facts,
            ["figures", "gallery", "--output", output],
            ["claims", "--paper", "1", "--quick"] + common + facts,
            ["build-report", "--paper", "2", "--quick"] + common + facts
                + ["--templates", repository.appendingPathComponent("templates").path],
        ]
    }

    private func assertEveryCommandFails(output: String, data: String, with expected: String,
                                         file: StaticString = #filePath, line: UInt = #line) {
        for arguments in writingCommands(output: output, data: data) {
            guard let failure = Invocation.failure(arguments) else {
                XCTFail("succeeded: \(arguments)", file: file, line: line)
                continue
            }
            XCTAssertTrue(failure.message.hasPrefix("cannot write \(output)/"),
                          "\(arguments): \(failure.message)", file: file, line: line)
            XCTAssertTrue(failure.message.contains(expected), "\(arguments): \(failure.message)",
                          file: file, line: line)
            XCTAssertEqual(failure.code, ExitCode.failure.rawValue, "\(arguments)",
                           file: file, line: line)
        }
    }

    func testAnOutputUnderProcFailsBeforeAnyWork() throws {
        let data = try scratch().path
        assertEveryCommandFails(output: "/proc/x", data: data,
                                with: "a folder on the way does not exist or cannot hold files")
    }

    func testAnOutputThatIsAFileIsNamed() throws {
        let dir = try scratch()
        let file = dir.appendingPathComponent("output")
        try Data("x".utf8).write(to: file)
        assertEveryCommandFails(output: file.path, data: dir.path,
                                with: "\(file.path) is a file, not a folder; move that file away")
    }

    func testAReadOnlyOutputIsNamed() throws {
        let dir = try scratch()
        let output = dir.appendingPathComponent("output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: output.path)
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755],
                                                   ofItemAtPath: output.path)
        }
        if FileManager.default.isWritableFile(atPath: output.path) {
            throw XCTSkip("running as root: permissions do not stop writes")
        }
        assertEveryCommandFails(output: output.path, data: dir.path, with: "permission denied")
    }

    func testDataFetchBlamesAnUnwritableDestinationNotTheSource() throws {
        let source = try scratch()
        let failure = try XCTUnwrap(Invocation.failure([
            "data", "fetch", "--data-dir", "/proc/x", "--source", "dir",
            "--mnist-dir", source.path]))
        XCTAssertTrue(failure.message.hasPrefix("cannot write /proc/x: a folder on the way"),
                      failure.message)
        XCTAssertFalse(failure.message.contains(source.path), failure.message)
        XCTAssertEqual(failure.code, ExitCode.failure.rawValue)
    }
}
