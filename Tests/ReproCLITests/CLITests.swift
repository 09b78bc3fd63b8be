import ArgumentParser
import Foundation
import XCTest
@testable import ReproCLI
import ReproExperiments

/// Commands parsed and run in-process, as a user types them: bad input fails before any work,
/// in one line, with the usage exit code; the help lists what the registry holds.
final class CLITests: XCTestCase {
    /// The message and exit code a command line ends with when it is refused while parsing.
    func refusal(_ arguments: [String], file: StaticString = #filePath,
                 line: UInt = #line) -> (String, Int32)? {
        do {
            _ = try Repro.parseAsRoot(arguments)
            XCTFail("accepted: \(arguments)", file: file, line: line)
            return nil
        } catch {
            return (Repro.message(for: error), Repro.exitCode(for: error).rawValue)
        }
    }

    func testBadValuesAreRefusedWithTheUsageExitCode() {
        let cases: [([String], String)] = [
            (["figures", "paper1", "--dpi", "nan"], "--dpi"),
            (["figures", "paper1", "--dpi", "1e9"], "--dpi"),
            (["figures", "gallery", "--dpi", "0"], "--dpi"),
            (["run", "capacity", "--seeds", "0,0,42"], "--seeds"),
            (["run", "capacity", "--pairs", "4/4"], "--pairs"),
            (["run", "capacity", "--pairs", "0/1,1/0"], "--pairs"),
            (["run", "capacity", "--sizes", "4,24,4"], "--sizes"),
            (["run", "lr-grid", "--lrs", "0.03,3e-2"], "--lrs"),
            (["run", "sparse-width", "--widths", "128,128"], "--widths"),
            (["run", "sparse-depth", "--depths", "1,2,1"], "--depths"),
            (["run", "capacity", "--sizes", ""], "--sizes"),
            (["run", "capacity", "--lrs", "-1"], "--lrs"),
            (["run", "capacity", "--epochs", "0"], "--epochs"),
            (["run", "capacity", "--precision", "half"], "--precision"),
            (["run", "capacity", "--shard", "3/2"], "--shard"),
            (["run", "capacity", "--output", ""], "--output"),
            (["run", "no-such-experiment"], "experiment"),
            (["build-report", "--paper", "paper9"], "--paper"),
            (["data", "fetch", "--source", "ftp"], "--source"),
        ]
        for (arguments, option) in cases {
            guard let (message, code) = refusal(arguments) else { continue }
            XCTAssertTrue(message.contains(option), "\(arguments): \(message)")
            XCTAssertEqual(code, ExitCode.validationFailure.rawValue, "\(arguments)")
            XCTAssertFalse(message.trimmingCharacters(in: .whitespacesAndNewlines).contains("\n"),
                           "one line: \(message)")
        }
    }

    func testGoodCommandLinesParseToTypedValues() throws {
        let run = try XCTUnwrap(try Repro.parseAsRoot(["run", "capacity", "--quick", "--pairs",
                                                       "0/1,4/9",
                                                       "--seeds", "0,42", "--shard",
                                                       "1/4"]) as? RunCommand)
        XCTAssertEqual(run.experiment.name, "capacity")
        let options = run.arguments.options
        XCTAssertTrue(options.quick)
        XCTAssertEqual(options.pairs?.map(\.description), ["0/1", "4/9"])
        XCTAssertEqual(options.seeds, [0, 42])
        XCTAssertEqual(run.shard?.description, "1/4")
        let report = try XCTUnwrap(try Repro.parseAsRoot(["build-report", "--paper", "1"])
                                   as? BuildReportCommand)
        XCTAssertEqual(report.papers.paper.papers.map(\.id), ["paper1"])
    }

    func testAnOptionThatDoesNotApplyIsNamed() throws {
        var options = ReproExperiments.ExperimentOptions()
        options.widths = [128]
        XCTAssertThrowsError(try options.check(allowed: [.seeds], for: "capacity")) {
            XCTAssertTrue("\($0)".contains("--widths does not apply to capacity"), "\($0)")
        }
    }

    func testHelpListsEveryRegisteredExperimentAndPaper() {
        let help = RunCommand.helpMessage()
        for name in Papers.experimentNames { XCTAssertTrue(help.contains(name), name) }
        XCTAssertTrue(BuildReportCommand.helpMessage().contains("paper1"))
    }

    func testResultsBeforeARunSayWhichCommandToRun() throws {
        let output = FileManager.default.temporaryDirectory
            .appendingPathComponent("cli-\(UUID())").path
        let command = try XCTUnwrap(try Repro.parseAsRoot(["results", "capacity", "--quick",
                                                           "--output", output])
                                    as? ResultsCommand)
        XCTAssertThrowsError(try command.run()) {
            XCTAssertTrue("\($0)".contains("run `repro run capacity`"), "\($0)")
        }
    }
}
