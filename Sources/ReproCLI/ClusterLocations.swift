import Foundation
import ReproCluster
import ReproData
import ReproExperiments
import ReproReport

/// What `status`, `build-report --slurm` and `slurm-task` share: the report's work under the
/// profile, each paper's runner, and the folder of its batch scripts and logs.
struct ClusterContext {
    var papers: PaperChoice
    var quick: Bool
    var rng: RandomSource
    var seedCount: Int?
    var locations: Locations
    /// Paper 2's full profile (`--full`).
    var full = false

    var work: ReportWork {
        ReportWork(papers: papers.papers.map(\.id), quick: quick, rng: rng, seedCount: seedCount,
                   full: full, cifar: cifar)
    }

    /// The CIFAR sets installed with their CIFAR-C in the data directory (paper 2 builds its
    /// CIFAR half for them, as `build-report` does locally).
    var cifar: [CIFARDataset] {
        guard papers.papers.contains(where: { $0.id == "paper2" }) else { return [] }
        let data = runner("paper2").data
        return CIFARDataset.allCases.filter { data.hasCIFAR($0) && data.hasCIFARC($0) }
    }

    func runner(_ paper: String) -> ExperimentRunner { locations.runner(for: paper) }

    /// `output/<paper>/slurm/` for one paper (`output/quick/<paper>/slurm/` for --quick), the
    /// index's folder (`output/slurm/`, `output/quick/slurm/`) for all.
    var slurmDirectory: URL {
        let output = URL(fileURLWithPath: locations.outputURL.path, isDirectory: true).standardizedFileURL
        let layout = ReportLayout(output: absolute(output), paper: papers.id, quick: quick,
                                  full: full, rng: rng)
        return (papers.id == "all" ? layout.indexRoot : layout.root).appendingPathComponent("slurm")
    }

    /// The options a task passes on so that it works on the same profile, papers and folders.
    var taskArguments: [String] {
        var arguments: [String] = []
        if papers.id != "all" { arguments += ["--paper", papers.id] }
        if quick { arguments.append("--quick") }
        if full { arguments.append("--full") }
        if rng != .repro { arguments += ["--rng", rng.rawValue] }
        if let seedCount { arguments += ["--seeds", "\(seedCount)"] }
        arguments += ["--output", absolute(locations.outputURL).path,
                      "--data-dir", absolute(locations.dataURL).path]
        return arguments
    }

    func absolute(_ url: URL) -> URL {
        url.path.hasPrefix("/") ? url.standardizedFileURL
            : URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
                .appendingPathComponent(url.path).standardizedFileURL
    }
}
