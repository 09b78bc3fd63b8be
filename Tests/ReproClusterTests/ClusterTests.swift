import Foundation
import XCTest
@testable import ReproCluster
@testable import ReproExperiments
import ReproPaper1
import ReproPaper2
import ReproSupport

/// The report's work as stages and shards, its status, and the batch scripts; all on an empty
/// (or hand-filled) store, no MNIST, no Slurm.
final class ClusterTests: XCTestCase {
    var root: URL!

    override func setUp() {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("cluster-\(UUID())")
    }

    override func tearDown() { try? FileManager.default.removeItem(at: root) }

    func runner(_ paper: String) -> ExperimentRunner {
        ExperimentRunner(store: ResultStore(root: root.appendingPathComponent(paper)),
                         loadData: { throw ReproError("no data in this test") })
    }

    func testArrayRangesAndTimeLimits() {
        XCTAssertEqual(SlurmSubmission.ranges([0, 1, 2, 3]), "0-3")
        XCTAssertEqual(SlurmSubmission.ranges([3, 1]), "1,3")
        XCTAssertEqual(SlurmSubmission.ranges([0, 1, 2, 5, 7, 8]), "0-2,5,7-8")
        XCTAssertEqual(SlurmSettings.time(10), "0:05:00")
        XCTAssertEqual(SlurmSettings.time(3600), "1:00:00")
        XCTAssertEqual(SlurmSettings.time(3601), "1:05:00")
    }

    func testEveryUnitIsOwnedByExactlyOneTaskAndThatTaskRunsIt() throws {
        let work = ReportWork(papers: ["paper1", "paper2"], quick: true)
        let placed = try work.placed(runner: runner)
        XCTAssertEqual(placed.count, ReportWork.stageCount)
        XCTAssertEqual(placed[0].map(\.part.name).first, "lr-grid (3 seeds)")
        XCTAssertTrue(placed[1].contains { $0.part is EvaluationPart })
        // Quick: seeds 0, 42 and one extra; the figure's seed 42 is embedded by the report.
        let tsne = try XCTUnwrap(placed[1].first { $0.part is TSNESeedPart })
        XCTAssertEqual(tsne.progress.count, 2)
        XCTAssertTrue(tsne.progress.allSatisfy { $0.state == .missing && $0.remainingSeconds > 0 })
        for shards in [1, 3, 4] {
            for stage in placed {
                for part in stage {
                    XCTAssertFalse(part.progress.isEmpty)
                    for unit in part.progress {
                        let owners = try (0..<shards).filter {
                            try part.shard(forTask: $0, shards: shards).includes(unit.position)
                        }
                        XCTAssertEqual(owners, [part.task(unit.position, shards: shards)],
                                       "\(part.part.name) unit \(unit.position) of \(shards)")
                    }
                }
            }
        }
        // Offsets rotate the parts: with 4 shards not every part's first unit is task 0's.
        XCTAssertGreaterThan(Set(placed[0].map { $0.task(0, shards: 4) }).count, 1)
    }

    /// A CIFAR set installed with its CIFAR-C adds its width families as parts of their own,
    /// evaluated in calls of their own (as a local build groups them).
    func testPaper2sCIFARHalfIsPartOfTheWork() throws {
        let plain = try ReportWork(papers: ["paper2"], quick: true).stages()
        let work = try ReportWork(papers: ["paper2"], quick: true, cifar: [.cifar100]).stages()
        XCTAssertEqual(work[0].map(\.name).filter { $0.contains("cifar") },
                       ["sparse-width+cifar100", "vgg-width+cifar100", "resnet-width+cifar100"])
        XCTAssertEqual(work[0].count, plain[0].count + 3)
        let networks = work[1].compactMap { $0 as? EvaluationPart }
            .flatMap { $0.networks(data: { _ in "d" }) }
        let cifar = networks.filter { $0.spec.task.dataset == .cifar100 }
        XCTAssertFalse(cifar.isEmpty)
        XCTAssertEqual(Set(cifar.map(\.call)), ["families-cifar100"])
        XCTAssertTrue(cifar.allSatisfy { $0.spec.task.classes == 100 })
    }

    func testPaper2ExtraSeedsAndVariantsArePartsOfTheirOwn() throws {
        let plain = try ReportWork(papers: ["paper2"], quick: true).stages()
        let work = try ReportWork(papers: ["paper2"], quick: true, seedCount: 3).stages()
        let names = work[0].map(\.name)
        XCTAssertTrue(names.contains("sparse-width+3-seeds"), "\(names)")
        for variant in Paper2Variant.defaultProfile {
            XCTAssertTrue(plain[0].map(\.name).contains("sparse-width+\(variant.rawValue)"))
        }
        XCTAssertEqual(work[0].count, plain[0].count + 1)
        let before = try XCTUnwrap(plain[1].first as? EvaluationPart).networks(data: { _ in "d" })
        let after = try XCTUnwrap(work[1].first as? EvaluationPart).networks(data: { _ in "d" })
        // The quick width family has 5 widths: seed 2 adds 5 networks (seeds 0 and 1 are
        // shared), each variant of the profile its own.
        XCTAssertGreaterThanOrEqual(after.count - before.count, 5)
        XCTAssertEqual(try ReportWork(papers: ["paper2"], quick: false, seedCount: 3).stages()[0]
            .count, try ReportWork(papers: ["paper2"], quick: false).stages()[0].count,
                       "--seeds 3 (paper 1's own) adds nothing to paper 2")
    }

    func testStatusOfAnEmptyStoreCountsEverythingMissingWithACost() throws {
        let work = ReportWork(papers: ["paper1", "paper2"], quick: true)
        let status = try StatusReport(work: work, runner: runner)
        XCTAssertFalse(status.isComplete)
        let grid = try XCTUnwrap(status.rows.first { $0.name.hasPrefix("lr-grid") })
        // 3 quick seeds × 6 rates × 4 sizes.
        XCTAssertEqual(grid.missing, 72)
        XCTAssertEqual(grid.stored, 0)
        let evaluations = try XCTUnwrap(status.rows.first { $0.unit == "evaluations" })
        XCTAssertGreaterThan(evaluations.missing, 0)
        XCTAssertGreaterThan(status.remainingSeconds, 60)
        let text = status.text(analysesNote: true)
        XCTAssertTrue(text.contains("0/72"), text)
        XCTAssertTrue(text.contains("analyses"), text)
        XCTAssertEqual(try work.shardsWithWork(shards: 4, runner: runner)[0], [0, 1, 2, 3])
        let open = try XCTUnwrap(try work.firstUnfinished(upTo: 1, shards: 4, runner: runner))
        XCTAssertEqual(open.stage, 1)
        XCTAssertEqual(open.shard.index, 0)
        XCTAssertTrue(open.part.contains("lr-grid"))
    }

    func testAHeldLockShowsAsClaimedAndFreeingItMakesItMissingAgain() throws {
        let plan = Paper1Plan.capacity(quick: true)
        let trainer = BinaryBatchTrainer()
        let paperRunner = runner("paper1")
        let first = try XCTUnwrap(paperRunner.progress(plan, trainer: trainer).first)
        XCTAssertEqual(first.state, .missing)
        let lock = try FileLock(paperRunner.lockURL(first.members, trainer: trainer))
        XCTAssertTrue(lock.tryLock())
        // A lock held by this process is seen by another descriptor as held (flock).
        XCTAssertEqual(paperRunner.progress(plan, trainer: trainer).first?.state, .claimed)
        let part = TrainingPart(paper: "paper1", name: "capacity", plan: plan, trainer: trainer)
        let summary = PartSummary(part, progress: part.progress(paperRunner))
        XCTAssertEqual(summary.claimed, first.members.count)
        lock.unlock()
        XCTAssertEqual(paperRunner.progress(plan, trainer: trainer).first?.state, .missing)

        let evaluations = EvaluationPart(plans: [Paper2Plan.named(.sparseWidth, quick: true)],
                                         settings: .quick)
        let network = try XCTUnwrap(evaluations.networks(runner("paper2")).first)
        let evalLock = try FileLock(runner("paper2").evaluationLockURL(network.spec.key))
        XCTAssertTrue(evalLock.tryLock())
        XCTAssertEqual(evaluations.progress(runner("paper2")).first?.state, .claimed)
        evalLock.unlock()
        XCTAssertEqual(evaluations.progress(runner("paper2")).first?.state, .missing)
    }

    func testPrunedWidthIsEvaluatedOnlyOnItsPrunedNetworks() {
        let plans = Paper2Family.mlpFamilies.map { Paper2Plan.named($0, quick: true) }
        let part = EvaluationPart(plans: plans, settings: .quick)
        let networks = part.networks(data: { _ in "d" })
        XCTAssertEqual(Set(networks.map(\.spec.key)).count, networks.count)
        XCTAssertTrue(networks.filter { $0.family == .prunedWidth }.allSatisfy(\.spec.isPruned))
        // quick: 5 widths × 2 seeds, 2 depths × 2 seeds, 3 pruned widths × 2 seeds.
        XCTAssertEqual(networks.count, 10 + 4 + 6)
    }

    func testScriptsAreReadableAndCarryEveryOption() {
        let settings = SlurmSettings(shards: 4, partition: "short", time: "1:30:00",
                                     reportTime: "0:30:00", cpusPerTask: 3, memory: "4G",
                                     extra: ["--account=lab"])
        let scripts = SlurmScripts(
            executable: "/opt/repro bin/repro", workingDirectory: "/home/me/repro",
            slurmDirectory: URL(fileURLWithPath: "/shared/out/quick/slurm"),
            taskArguments: ["--quick", "--output", "/shared/out"],
            reportArguments: ["--templates", "/home/me/repro/templates"], settings: settings,
            stageDescriptions: ["training", "evaluations"])
        let stage = scripts.stage(2)
        for expected in ["#!/bin/bash", "#SBATCH --array=0-3", "#SBATCH --cpus-per-task=3",
                         "#SBATCH --time=1:30:00", "#SBATCH --partition=short", "#SBATCH --mem=4G",
                         "#SBATCH --account=lab",
                         "#SBATCH --output=/shared/out/quick/slurm/logs/stage2-%a.log",
                         "exec '/opt/repro bin/repro' slurm-task --stage 2 --shard \"${SLURM_ARRAY_TASK_ID}/4\"",
                         "--quick --output /shared/out", "stage 2 of 2: evaluations"] {
            XCTAssertTrue(stage.contains(expected), "missing \(expected) in\n\(stage)")
        }
        let report = scripts.report()
        XCTAssertTrue(report.contains("slurm-task --check --shards 4 --quick"), report)
        XCTAssertTrue(report.contains("build-report --quick --output /shared/out --templates"), report)
        XCTAssertTrue(report.contains("#SBATCH --time=0:30:00"), report)
        XCTAssertFalse(report.contains("--array"), report)
        XCTAssertEqual(SlurmScripts.quoted("it's"), "'it'\\''s'")
        XCTAssertEqual(SlurmScripts.logURL(scripts.slurmDirectory, stage: 1, shard: 3).path,
                       "/shared/out/quick/slurm/logs/stage1-3.log")
    }

    func testNoSbatchOnThePathIsOneLineThatSaysSo() {
        let slurm = Slurm(path: root.path)
        XCTAssertNil(slurm.find("sbatch"))
        XCTAssertThrowsError(try slurm.require("sbatch")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("no `sbatch` on the PATH"), text)
            XCTAssertFalse(text.contains("\n"), text)
        }
    }

    func testSubmissionWithAFakeSbatchOrdersStagesAndRecordsTheJobs() throws {
        // A stand-in sbatch that logs its arguments and prints increasing job ids.
        let bin = root.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let calls = root.appendingPathComponent("calls.txt")
        let fake = """
        #!/bin/sh
        echo "$@" >> '\(calls.path)'
        n=$(wc -l < '\(calls.path)')
        echo $((100 + n))
        """
        try Data(fake.utf8).write(to: bin.appendingPathComponent("sbatch"))
        try FileManager.default.setAttributes([.posixPermissions: 0o755],
                                              ofItemAtPath: bin.appendingPathComponent("sbatch").path)
        let work = ReportWork(papers: ["paper2"], quick: true)
        let directory = root.appendingPathComponent("out/quick/paper2/slurm")
        let scripts = SlurmScripts(
            executable: "/usr/bin/repro", workingDirectory: root.path, slurmDirectory: directory,
            taskArguments: ["--paper", "paper2", "--quick"], reportArguments: [],
            settings: SlurmSettings(shards: 4, time: "1:00:00", reportTime: "1:00:00", cpusPerTask: 2),
            stageDescriptions: ["a", "b"])
        let submission = SlurmSubmission(work: work, scripts: scripts, slurm: Slurm(path: bin.path),
                                         runner: runner)
        let written = try submission.writeScripts()
        XCTAssertEqual(written.count, 3)
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: scripts.stageURL(1).path))
        let submitted = try submission.submit()
        XCTAssertEqual(submitted.ids, ["101", "102", "103"])
        let lines = try String(contentsOf: calls, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 3)
        XCTAssertTrue(lines[0].hasPrefix("--parsable --array=0-3 "), String(lines[0]))
        XCTAssertTrue(lines[1].contains("--dependency=afterany:101"), String(lines[1]))
        XCTAssertTrue(lines[2].contains("--dependency=afterany:102"), String(lines[2]))
        XCTAssertTrue(lines[2].hasSuffix("report.sbatch"), String(lines[2]))
        XCTAssertEqual(SlurmSubmission.lastJobs(directory).map(\.id), ["101", "102", "103"])
    }
}
