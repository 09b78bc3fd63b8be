import Foundation
import ReproExperiments
import ReproSupport

/// `repro build-report --slurm`: writes the batch scripts, checks that the compute nodes see the
/// output folder, and submits each stage's shards that have work left as an array (each stage
/// after the previous one ended), then the report job.
public struct SlurmSubmission {
    public var work: ReportWork
    public var scripts: SlurmScripts
    public var slurm: Slurm
    /// The runner of each paper's store.
    public var runner: (String) -> ExperimentRunner

    public init(work: ReportWork, scripts: SlurmScripts, slurm: Slurm = Slurm(),
                runner: @escaping (String) -> ExperimentRunner) {
        self.work = work
        self.scripts = scripts
        self.slurm = slurm
        self.runner = runner
    }

    public struct Submitted {
        /// Per stage, its array job id and the shards it runs (nil: nothing left to do).
        public var stages: [(id: String, shards: [Int])?]
        public var report: String

        public var ids: [String] { stages.compactMap { $0?.id } + [report] }
    }

    /// Writes the scripts (atomically; the logs folder too) and returns their paths.
    @discardableResult
    public func writeScripts() throws -> [URL] {
        try FileManager.default.createDirectory(at: scripts.logs, withIntermediateDirectories: true)
        var written: [URL] = []
        for stage in 1...ReportWork.stageCount {
            try AtomicFile.write(Data(scripts.stage(stage).utf8), to: scripts.stageURL(stage))
            written.append(scripts.stageURL(stage))
        }
        try AtomicFile.write(Data(scripts.report().utf8), to: scripts.reportURL)
        written.append(scripts.reportURL)
        for url in written {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }
        return written
    }

    /// Refuses an output folder the compute nodes cannot see: a probe file written here must be
    /// read back by a one-CPU task (srun, at most `wait` seconds in the queue).
    public func checkSharedOutput(wait: Int = 120) throws {
        _ = try slurm.require("srun")
        let token = "repro-probe-\(UInt64.random(in: 0...UInt64.max))"
        let probe = scripts.slurmDirectory.appendingPathComponent(".probe-\(token)")
        try AtomicFile.write(Data(token.utf8), to: probe)
        defer { try? FileManager.default.removeItem(at: probe) }
        var arguments = ["--immediate=\(wait)", "--ntasks=1", "--cpus-per-task=1", "--time=1",
                         "--job-name=repro-probe"]
        if let partition = scripts.settings.partition { arguments.append("--partition=\(partition)") }
        let output = try slurm.run("srun", arguments + ["/bin/sh", "-c",
            "cat \(SlurmScripts.quoted(probe.path)) && echo && hostname -s"])
        let lines = output.stdout.split(separator: "\n").map(String.init)
        guard output.status == 0 else {
            let why = output.stderr.split(separator: "\n").last.map(String.init) ?? "exit \(output.status)"
            if output.stderr.contains("No such file") {
                throw ReproError("the output folder \(scripts.slurmDirectory.deletingLastPathComponent().path) "
                                 + "is not shared with the compute nodes: a task could not read the probe "
                                 + "file written here (\(why)); give --output a folder on a shared file "
                                 + "system (NFS, Lustre, your home directory)")
            }
            throw ReproError("could not run a probe task to check that the compute nodes share the "
                             + "output folder (\(why)); check `sinfo`, or give --no-share-check to skip it")
        }
        guard lines.first == token else {
            throw ReproError("the output folder \(scripts.slurmDirectory.path) is not shared with the "
                             + "compute nodes: a task on \(lines.last ?? "a node") read something else "
                             + "than the probe file written here; give --output a folder on a shared "
                             + "file system")
        }
    }

    /// Submits what has work left; returns the job ids (also written to `jobs.txt`).
    public func submit() throws -> Submitted {
        _ = try slurm.require("sbatch")
        let owners = try work.shardsWithWork(shards: scripts.settings.shards, runner: runner)
        var previous: String?
        var stages: [(id: String, shards: [Int])?] = []
        for (index, shards) in owners.enumerated() {
            guard !shards.isEmpty else { stages.append(nil); continue }
            var arguments = ["--array=\(Self.ranges(shards))"]
            if let previous { arguments.append("--dependency=afterany:\(previous)") }
            let id = try slurm.submit(arguments + [scripts.stageURL(index + 1).path])
            stages.append((id, shards))
            previous = id
        }
        let report = try slurm.submit((previous.map { ["--dependency=afterany:\($0)"] } ?? [])
                                      + [scripts.reportURL.path])
        let submitted = Submitted(stages: stages, report: report)
        var record = ""
        for (index, stage) in stages.enumerated() {
            record += "stage\(index + 1) \(stage?.id ?? "-") \(stage.map { Self.ranges($0.shards) } ?? "-")\n"
        }
        record += "report \(report)\n"
        try AtomicFile.write(Data(record.utf8), to: scripts.slurmDirectory.appendingPathComponent("jobs.txt"))
        return submitted
    }

    /// "0-3", "1,3", "0-2,5": an `--array` list.
    public static func ranges(_ indices: [Int]) -> String {
        var parts: [String] = []
        var start: Int?, last = -2
        for i in indices.sorted() + [Int.max] {
            if i == last + 1 { last = i; continue }
            if let s = start { parts.append(s == last ? "\(s)" : "\(s)-\(last)") }
            start = i
            last = i
        }
        return parts.joined(separator: ",")
    }

    /// The jobs of the last submission from `jobs.txt` ("stage1 12 0-3"), if any.
    public static func lastJobs(_ slurmDirectory: URL) -> [(name: String, id: String)] {
        guard let text = try? String(contentsOf: slurmDirectory.appendingPathComponent("jobs.txt"),
                                     encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ").map(String.init)
            guard fields.count >= 2, fields[1] != "-" else { return nil }
            return (fields[0], fields[1])
        }
    }
}
