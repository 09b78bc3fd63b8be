import Foundation

/// What a submission asks of Slurm, as the user gave it (or the defaults from the estimate).
public struct SlurmSettings: Sendable, Equatable {
    public var shards: Int
    public var partition: String?
    /// Per task of the work arrays, and for the report job.
    public var time: String
    public var reportTime: String
    public var cpusPerTask: Int
    public var memory: String?
    /// Passed as they are, one `#SBATCH` line each.
    public var extra: [String]

    public init(shards: Int, partition: String? = nil, time: String, reportTime: String,
                cpusPerTask: Int, memory: String? = nil, extra: [String] = []) {
        self.shards = shards
        self.partition = partition
        self.time = time
        self.reportTime = reportTime
        self.cpusPerTask = cpusPerTask
        self.memory = memory
        self.extra = extra
    }

    /// Slurm's `--time` form for a number of seconds, rounded up to 5 minutes: "1:35:00".
    public static func time(_ seconds: Double) -> String {
        let minutes = Int((max(seconds, 60) / 300).rounded(.up)) * 5
        return String(format: "%d:%02d:00", minutes / 60, minutes % 60)
    }
}

/// The batch scripts of one submission, readable and runnable by hand: one per stage (an array,
/// task i running shard i/n) and one for the report job.
public struct SlurmScripts {
    /// Absolute paths the tasks use: the repro executable, the directory it runs in, the
    /// output and data folders, and where the scripts and logs go.
    public var executable: String
    public var workingDirectory: String
    public var slurmDirectory: URL
    /// The profile and paper options every task passes on (`--quick`, `--paper 2`, …), the
    /// locations included.
    public var taskArguments: [String]
    /// build-report's own options for the report job (`--templates`, `--paper-facts`).
    public var reportArguments: [String]
    public var settings: SlurmSettings
    /// What each stage computes, for its comment.
    public var stageDescriptions: [String]

    public init(executable: String, workingDirectory: String, slurmDirectory: URL,
                taskArguments: [String], reportArguments: [String], settings: SlurmSettings,
                stageDescriptions: [String]) {
        self.executable = executable
        self.workingDirectory = workingDirectory
        self.slurmDirectory = slurmDirectory
        self.taskArguments = taskArguments
        self.reportArguments = reportArguments
        self.settings = settings
        self.stageDescriptions = stageDescriptions
    }

    public var logs: URL { slurmDirectory.appendingPathComponent("logs") }

    public func stageURL(_ stage: Int) -> URL {
        slurmDirectory.appendingPathComponent("stage\(stage).sbatch")
    }

    public var reportURL: URL { slurmDirectory.appendingPathComponent("report.sbatch") }

    /// The log of shard `shard` of a stage (`%a` in the script is the array index, = the shard).
    public static func logURL(_ slurmDirectory: URL, stage: Int, shard: Int) -> URL {
        slurmDirectory.appendingPathComponent("logs").appendingPathComponent("stage\(stage)-\(shard).log")
    }

    public static func reportLogURL(_ slurmDirectory: URL) -> URL {
        slurmDirectory.appendingPathComponent("logs").appendingPathComponent("report.log")
    }

    public func stage(_ stage: Int) -> String {
        let n = settings.shards
        var lines = [
            "#!/bin/bash",
            "# repro, stage \(stage) of \(stageDescriptions.count): \(stageDescriptions[stage - 1]).",
            "# Array task i runs shard i/\(n) of it; a shard skips what output/ already holds, and",
            "# batches another task has claimed (results/locks/). Submit by hand with",
            "#   sbatch \(Self.quoted(stageURL(stage).path))",
            "# (`repro build-report --slurm` submits only the shards with work left, in order).",
            "#SBATCH --job-name=repro-stage\(stage)",
            "#SBATCH --array=0-\(n - 1)",
            "#SBATCH --output=\(logs.path)/stage\(stage)-%a.log",
        ] + common(time: settings.time)
        lines += [
            "set -euo pipefail",
            "cd \(Self.quoted(workingDirectory))",
            "# One BLAS thread per CPU Slurm gives the task.",
            "export OPENBLAS_NUM_THREADS=\"${SLURM_CPUS_PER_TASK:-\(settings.cpusPerTask)}\"",
            "exec " + ([executable, "slurm-task", "--stage", "\(stage)"].map(Self.quoted)
                       + ["--shard", "\"${SLURM_ARRAY_TASK_ID}/\(n)\"",
                          "--threads", "\"${SLURM_CPUS_PER_TASK:-\(settings.cpusPerTask)}\""]
                       + taskArguments.map(Self.quoted)).joined(separator: " "),
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    public func report() -> String {
        var lines = [
            "#!/bin/bash",
            "# repro, the report job: after every stage's tasks ended (afterany), it checks that",
            "# all their work is stored, naming the first shard that failed or was cancelled and its",
            "# log, then builds the reports as `repro build-report` does locally (paper 1's",
            "# analyses are computed here).",
            "#SBATCH --job-name=repro-report",
            "#SBATCH --output=\(logs.path)/report.log",
        ] + common(time: settings.reportTime)
        let check = [executable, "slurm-task", "--check", "--shards", "\(settings.shards)"] + taskArguments
        let build = [executable, "build-report"] + taskArguments + reportArguments
        lines += [
            "set -euo pipefail",
            "cd \(Self.quoted(workingDirectory))",
            "export OPENBLAS_NUM_THREADS=\"${SLURM_CPUS_PER_TASK:-\(settings.cpusPerTask)}\"",
            check.map(Self.quoted).joined(separator: " "),
            "exec " + build.map(Self.quoted).joined(separator: " "),
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    private func common(time: String) -> [String] {
        var lines = ["#SBATCH --cpus-per-task=\(settings.cpusPerTask)", "#SBATCH --time=\(time)"]
        if let partition = settings.partition { lines.append("#SBATCH --partition=\(partition)") }
        if let memory = settings.memory { lines.append("#SBATCH --mem=\(memory)") }
        lines += settings.extra.map { "#SBATCH \($0)" }
        return lines
    }

    /// A shell word: plain if it is safe as it is, else in single quotes.
    public static func quoted(_ word: String) -> String {
        let safe = CharacterSet(charactersIn:
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%")
        if !word.isEmpty, word.unicodeScalars.allSatisfy(safe.contains) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
