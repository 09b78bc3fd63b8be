import ArgumentParser
import Foundation
import ReproCluster
import ReproSupport

/// `build-report --estimate` and `build-report --slurm`.
extension BuildReportCommand {
    var clusterContext: ClusterContext {
        ClusterContext(papers: papers.paper, quick: profile.quick, rng: profile.rng,
                       seedCount: seeds.count, locations: locations, full: full)
    }

    func runOnCluster() throws {
        let context = clusterContext
        let work = context.work
        let status = try StatusReport(work: work, runner: context.runner)
        let cpus = cluster.cpusPerTask
        let stageCosts = try work.remaining(shards: 1, runner: context.runner)
        // About an hour of work per task by default, at most 64 tasks.
        let largest = stageCosts.map(\.total).max() ?? 0
        let shards = cluster.shards ?? min(64, max(1, Int((largest / Double(cpus) / 3600).rounded(.up))))
        let perShard = try work.remaining(shards: shards, runner: context.runner)
        // The estimate, always before anything is submitted.
        if cluster.estimate { print(status.text(analysesNote: work.papers.contains("paper1"))) }
        for (index, cost) in perShard.enumerated() {
            print("estimate, stage \(index + 1): \(CostModel.text(cost.total)) left; the largest of "
                  + "\(shards) shards \(CostModel.text(cost.perShard)), about "
                  + "\(Self.wall(cost.perShard / Double(cpus))) on \(cpus) CPUs")
        }
        print("estimate, report job: about \(Self.wall(work.reportJobSeconds())) (figures, claims, "
              + "reports" + (work.papers.contains("paper1") ? ", paper 1's analyses" : "") + ")")
        guard cluster.slurm else { return }
        let slurm = Slurm()
        _ = try slurm.require("sbatch")
        let longest = perShard.map(\.perShard).max() ?? 0
        let settings = SlurmSettings(
            shards: shards, partition: cluster.partition,
            time: cluster.time ?? SlurmSettings.time(longest / Double(cpus) * 1.5 + 900),
            reportTime: SlurmSettings.time(work.reportJobSeconds() * 2 + 900),
            cpusPerTask: cpus, memory: cluster.mem, extra: cluster.sbatchArgs)
        let scripts = SlurmScripts(
            executable: Self.executablePath, workingDirectory: FileManager.default.currentDirectoryPath,
            slurmDirectory: context.slurmDirectory, taskArguments: context.taskArguments,
            reportArguments: ["--templates", context.absolute(URL(fileURLWithPath: papers.templatesRoot)).path,
                              "--paper-facts", context.absolute(URL(fileURLWithPath: papers.paperFacts)).path],
            settings: settings,
            stageDescriptions: try work.stages().map { parts in
                parts.map { "\($0.paper) \($0.name)" }.joined(separator: ", ")
            })
        let submission = SlurmSubmission(work: work, scripts: scripts, slurm: slurm,
                                         runner: context.runner)
        try locations.checkWritable(papers: papers.paper.papers.map(\.id), [context.slurmDirectory])
        let written = try submission.writeScripts()
        print("wrote \(written.map(\.path).joined(separator: ", "))")
        if !cluster.noShareCheck { try submission.checkSharedOutput() }
        let submitted = try submission.submit()
        for (index, stage) in submitted.stages.enumerated() {
            if let stage {
                print("stage \(index + 1): job \(stage.id), shards \(SlurmSubmission.ranges(stage.shards)) "
                      + "of \(shards)")
            } else {
                print("stage \(index + 1): nothing left to do, not submitted")
            }
        }
        print("report job: \(submitted.report) (after the stages; it builds the reports)")
        let ids = submitted.ids.joined(separator: ",")
        let statusArguments = context.taskArguments.prefix { $0 != "--output" }
            + (locations.outputDir.map { ["--output", $0] } ?? [])
        print("watch: squeue -j \(ids)   and   repro status"
              + statusArguments.map { " " + SlurmScripts.quoted($0) }.joined()
              + "; logs in \(scripts.logs.path); cancel: scancel \(submitted.ids.joined(separator: " "))")
    }

    /// "25 min", "3.5 h".
    static func wall(_ seconds: Double) -> String {
        seconds < 5400 ? "\(Int((seconds / 60).rounded(.up))) min" : String(format: "%.1f h", seconds / 3600)
    }

    /// This executable's absolute path, for the batch scripts.
    static var executablePath: String {
        let link = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        if link != "/proc/self/exe" { return link }
        let arg = CommandLine.arguments[0]
        return URL(fileURLWithPath: arg).standardizedFileURL.path
    }
}
