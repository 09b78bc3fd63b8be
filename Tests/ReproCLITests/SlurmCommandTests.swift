import ArgumentParser
import Foundation
import ReproTestSupport
import XCTest
@testable import ReproCLI

/// `repro status`, `build-report --slurm|--estimate` and `slurm-task` on the command line:
/// bad input refused in one line before any work, no Slurm said plainly.
final class SlurmCommandTests: XCTestCase {
    func testBadClusterOptionsAreRefusedByName() {
        let cases: [([String], String)] = [
            (["build-report", "--time", "1:00:00"], "--time"),
            (["build-report", "--partition", "short"], "--partition"),
            (["build-report", "--slurm", "--time", "an hour"], "--time"),
            (["build-report", "--slurm", "--mem", "4X"], "--mem"),
            (["build-report", "--slurm", "--shards", "0"], "--shards"),
            (["build-report", "--slurm", "--cpus-per-task", "0"], "--cpus-per-task"),
            (["build-report", "--slurm", "--sbatch-arg", "account=lab"], "--sbatch-arg"),
            (["status", "--paper", "paper9"], "--paper"),
            (["status", "--paper", "2", "--seeds", "0"], "--seeds"),
            (["slurm-task", "--stage", "3", "--shard", "0/1"], "--stage"),
            (["slurm-task", "--stage", "1"], "--shard"),
            (["slurm-task", "--check"], "--shards"),
        ]
        Invocation.assertRefusedInOneLine(cases)
    }

    func testGoodClusterOptionsParse() throws {
        let command = try XCTUnwrap(try Repro.parseAsRoot([
            "build-report", "--quick", "--slurm", "--shards", "4", "--time", "1-02:00:00",
            "--mem", "4G", "--sbatch-arg=--account=lab", "--sbatch-arg", "--qos=low",
        ]) as? BuildReportCommand)
        XCTAssertTrue(command.cluster.slurm)
        XCTAssertEqual(command.cluster.shards, 4)
        XCTAssertEqual(command.cluster.sbatchArgs, ["--account=lab", "--qos=low"])
        XCTAssertTrue(command.clusterContext.slurmDirectory.path.hasSuffix("quick/slurm"))
    }

    func testNoSbatchIsOneLineAndNothingIsSubmitted() throws {
        let output = Invocation.scratch("slurm-none")
        let empty = Invocation.scratch("empty-path")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer {
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: empty)
        }
        let failure = Environment.with("PATH", empty.path) {
            Invocation.failure(["build-report", "--quick", "--slurm", "--output", output.path])
        }
        let message = try XCTUnwrap(failure?.message)
        XCTAssertTrue(message.contains("no `sbatch` on the PATH"), message)
        XCTAssertFalse(message.trimmingCharacters(in: .whitespacesAndNewlines).contains("\n"), message)
        XCTAssertEqual(failure?.code, 1)
        XCTAssertFalse(FileManager.default.fileExists(
            atPath: output.appendingPathComponent("quick/slurm/jobs.txt").path))
    }

    func testStatusWorksWithoutSlurmOrData() {
        let output = Invocation.scratch("status")
        defer { try? FileManager.default.removeItem(at: output) }
        XCTAssertNil(Invocation.failure(["status", "--quick", "--paper", "2", "--output", output.path,
                                         "--data-dir", output.appendingPathComponent("none").path]))
    }
}
