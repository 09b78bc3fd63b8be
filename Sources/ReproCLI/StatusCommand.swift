import ArgumentParser
import Foundation
import ReproCluster
import ReproKernelDispatch

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Per paper and experiment: networks and evaluations stored, claimed by a running "
                  + "process, and missing, with the estimated core-hours left.",
        discussion: "Reads only what output/ holds (and its lock files); trains nothing, needs no "
                    + "MNIST and no Slurm. Claimed: a lock file in results/locks/ is held by a "
                    + "live process (a local run or a Slurm task). Estimates are declared "
                    + "per-epoch costs measured on a 2-core machine (see README).")

    @OptionGroup var profile: ProfileOptions
    @OptionGroup var locations: Locations
    @OptionGroup var seeds: SeedCountOption

    @Option(help: ArgumentHelp("The paper: \(PaperChoice.allValueStrings.joined(separator: ", ")).",
                               valueName: "paper"))
    var paper: PaperChoice = PaperChoice(argument: "all")!

    func validate() throws {
        try paper.requireReports()
        try paper.require(profile.rng)
        try seeds.check(paper, quick: profile.quick)
    }

    func run() throws {
        let context = ClusterContext(papers: paper, quick: profile.quick, rng: profile.rng,
                                     seedCount: seeds.count, locations: locations)
        let report = try StatusReport(work: context.work, runner: context.runner)
        print("output: \(context.absolute(locations.outputURL).path)"
              + (profile.quick ? " (quick profile)" : ""))
        // Every family gives the same bits, so this is about speed only (see README, Performance).
        print("kernels: \(Kernels.active.family.rawValue) (this CPU runs "
              + Kernels.supported.map(\.rawValue).joined(separator: ", ")
              + "; REPRO_KERNELS picks another)")
        print(report.text(analysesNote: paper.papers.contains { $0.id == "paper1" }))
        let jobs = SlurmSubmission.lastJobs(context.slurmDirectory)
        if !jobs.isEmpty {
            print("slurm: last submission " + jobs.map { "\($0.name) \($0.id)" }.joined(separator: ", ")
                  + "; watch with `squeue -j \(jobs.map(\.id).joined(separator: ","))`, logs in "
                  + context.slurmDirectory.appendingPathComponent("logs").path)
        }
    }
}
