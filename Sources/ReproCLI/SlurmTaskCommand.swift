import ArgumentParser
import Foundation
import ReproCluster
import ReproExperiments
import ReproSupport

/// What the batch scripts of `build-report --slurm` run: one shard of one stage, or the report
/// job's check that every stage's work is stored. Hidden: users submit, they do not call it.
struct SlurmTaskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slurm-task",
        abstract: "Run one shard of one stage of a report's work (what build-report --slurm's batch "
                  + "scripts call).",
        shouldDisplay: false)

    @Option(help: "The stage (1 or 2) whose shard to run.")
    var stage: Int?

    @Option(parsing: .unconditional, help: "The shard i/n of the stage to run.",
            transform: Shard.init(parsing:))
    var shard: Shard?

    @Flag(help: "Check that every stage's work is stored; name the first unfinished shard.")
    var check = false

    @Option(help: "With --check: the number of shards the stages were cut into.")
    var shards: Int?

    @Option(help: "Threads for the evaluations (default: the CPUs this process sees).")
    var threads: Int?

    @Flag(help: "Paper 2's full profile (what build-report --full --slurm submitted).")
    var full = false

    @OptionGroup var profile: ProfileOptions
    @OptionGroup var locations: Locations
    @OptionGroup var seeds: SeedCountOption

    @Option(help: "The paper, or all.")
    var paper: PaperChoice = PaperChoice(argument: "all")!

    func validate() throws {
        try paper.requireReports()
        try paper.require(profile.rng)
        try seeds.check(paper, quick: profile.quick)
        if check {
            guard stage == nil, shard == nil else {
                throw ValidationError("--check takes --shards, not --stage or --shard")
            }
            guard let shards, shards >= 1 else {
                throw ValidationError("--check: give --shards N, the count the stages were cut into")
            }
        } else {
            guard let stage, (1...ReportWork.stageCount).contains(stage) else {
                throw ValidationError("--stage: give 1 or 2 (or --check)")
            }
            guard shard != nil else { throw ValidationError("--stage needs --shard i/n") }
        }
        if let threads, threads < 1 { throw ValidationError("--threads: give 1 or more") }
    }

    var context: ClusterContext {
        ClusterContext(papers: paper, quick: profile.quick, rng: profile.rng,
                       seedCount: seeds.count, locations: locations, full: full)
    }

    func run() throws {
        setvbuf(stdout, nil, _IOLBF, 0)   // whole lines reach the Slurm log, even if cancelled
        let context = context
        let work = context.work
        if check {
            let n = shards ?? 1
            if let open = try work.firstUnfinished(upTo: ReportWork.stageCount, shards: n,
                                                   runner: context.runner) {
                throw ReproError(unfinished(open, context: context) + "; submit again "
                                 + "(`repro build-report --slurm …`) to run only what is missing")
            }
            print("slurm-task: every stage's work is stored")
            return
        }
        guard let stage, let shard else { return }
        try locations.checkWritable(papers: paper.papers.map(\.id))
        if stage > 1, let open = try work.firstUnfinished(upTo: stage - 1, shards: shard.count,
                                                          runner: context.runner) {
            throw ReproError("stage \(stage) shard \(shard) cannot start: "
                             + unfinished(open, context: context))
        }
        let host = ProcessInfo.processInfo.hostName
        print("slurm-task: stage \(stage), shard \(shard), on \(host)")
        let started = Date()
        for placed in try work.placed(runner: context.runner)[stage - 1] {
            let part = placed.part
            let own = try placed.shard(forTask: shard.index, shards: shard.count)
            let line = try part.run(own, runner: context.runner(part.paper),
                                    threads: threads ?? ProcessInfo.processInfo.activeProcessorCount) {
                print($0)
            }
            print("\(part.paper) \(line)")
        }
        print("slurm-task: stage \(stage) shard \(shard) done in "
              + "\(Digits.fixed(Date().timeIntervalSince(started), 1)) s")
    }

    private func unfinished(_ open: UnfinishedShard, context: ClusterContext) -> String {
        let log = SlurmScripts.logURL(context.slurmDirectory, stage: open.stage,
                                      shard: open.shard.index)
        let started = FileManager.default.fileExists(atPath: log.path)
        return "shard \(open.shard) of stage \(open.stage) failed or was cancelled "
            + "(\(open.part): \(open.missing) \(open.unit) not stored); its log: \(log.path)"
            + (started ? "" : " (not written: the task never started)")
    }
}
