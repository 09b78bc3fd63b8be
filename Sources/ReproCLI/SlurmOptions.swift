import ArgumentParser
import Foundation
import ReproCluster

/// build-report's options for a Slurm cluster: `--slurm` submits the work instead of running it,
/// `--estimate` prints what is left and what it costs, and the rest shape the jobs.
struct SlurmOptions: ParsableArguments {
    @Flag(help: ArgumentHelp(
        "Submit the work to Slurm instead of running it here.",
        discussion: "Writes batch scripts to the report's slurm/ folder, checks that the compute "
            + "nodes share the output folder, then submits each stage's shards as an array job "
            + "(stage 2 after stage 1) and a report job that builds the reports. Prints the job "
            + "ids; `repro status` shows the progress. Submitting again runs only what is missing."))
    var slurm = false

    @Flag(help: ArgumentHelp("Print the work left and its estimated cost (per stage and shard), "
                             + "then stop (with --slurm: print it, then submit)."))
    var estimate = false

    @Option(help: "Slurm: shards per stage (array tasks; default: about one hour of work each).")
    var shards: Int?

    @Option(help: "Slurm: the partition to submit to (default: the cluster's).")
    var partition: String?

    @Option(help: "Slurm: time limit of each array task, e.g. 2:00:00 (default: from the estimate).")
    var time: String?

    @Option(name: .customLong("cpus-per-task"), help: "Slurm: CPUs per task (default 2).")
    var cpusPerTask: Int = 2

    @Option(help: "Slurm: memory per task, e.g. 4G (default: the cluster's).")
    var mem: String?

    @Option(name: .customLong("sbatch-arg"), parsing: .unconditionalSingleValue,
            help: "Slurm: one more sbatch option for every job, e.g. --sbatch-arg=--account=lab (repeatable).")
    var sbatchArgs: [String] = []

    @Flag(name: .customLong("no-share-check"),
          help: "Slurm: skip the probe task that checks the compute nodes see the output folder.")
    var noShareCheck = false

    func validate() throws {
        let given = [(shards != nil, "--shards"), (partition != nil, "--partition"),
                     (time != nil, "--time"), (cpusPerTask != 2, "--cpus-per-task"),
                     (mem != nil, "--mem"), (!sbatchArgs.isEmpty, "--sbatch-arg"),
                     (noShareCheck, "--no-share-check")]
        if !slurm, let name = given.first(where: { $0.0 })?.1, !(estimate && name == "--shards") {
            throw ValidationError("\(name) applies only with --slurm (submit to a Slurm cluster); "
                                  + "add --slurm or drop \(name)")
        }
        if let shards, !(1...1000).contains(shards) {
            throw ValidationError("--shards: give 1 to 1000 array tasks per stage, not \(shards)")
        }
        guard (1...256).contains(cpusPerTask) else {
            throw ValidationError("--cpus-per-task: give 1 to 256, not \(cpusPerTask)")
        }
        if let time, !Self.isSlurmTime(time) {
            throw ValidationError("--time: write a Slurm time limit such as 90, 1:30:00 or 1-00:00:00, "
                                  + "not '\(time)'")
        }
        if let mem, mem.range(of: #"^[0-9]+[KMGT]?$"#, options: .regularExpression) == nil {
            throw ValidationError("--mem: write a size such as 4000, 4G or 512M, not '\(mem)'")
        }
        if let partition, partition.isEmpty || partition.contains(where: \.isWhitespace) {
            throw ValidationError("--partition: give a partition name (see `sinfo -s`)")
        }
        for arg in sbatchArgs where !arg.hasPrefix("-") || arg.contains("\n") {
            throw ValidationError("--sbatch-arg: give an sbatch option such as --account=lab, not '\(arg)'")
        }
    }

    /// Minutes, M:S, H:M:S, D-H, D-H:M, D-H:M:S.
    static func isSlurmTime(_ text: String) -> Bool {
        text.range(of: #"^([0-9]+-)?[0-9]+(:[0-9]{1,2}){0,2}$"#, options: .regularExpression) != nil
            && text != "0"
    }
}
