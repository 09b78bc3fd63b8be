import Foundation
import ReproCluster
import ReproExperiments
import ReproPaper2

/// What `build-report --full` will cost, printed before it starts: per paper-2 family the
/// core-hours of what is not stored yet (training and evaluations, from the declared costs of
/// `CostModel`), and the total on this machine's cores.
enum FullProfileEstimate {
    static func text(runner: ExperimentRunner,
                     cores: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> String {
        let work = ReportWork(papers: ["paper2"], quick: false, full: true)
        var lines = ["paper 2, full profile: estimated cost of what is not stored yet"]
        var total = 0.0
        for part in try work.stages().joined() {
            let seconds = part.progress(runner).map(\.remainingSeconds).reduce(0, +)
            total += seconds
            guard seconds > 0 else { continue }
            lines.append("  \(part.name): \(CostModel.text(seconds))")
        }
        lines.append("  in all \(CostModel.text(total)), about "
                     + "\(Int((total / Double(max(1, cores)) / 3600).rounded(.up))) hours on "
                     + "\(cores) cores; `--slurm` spreads it over a cluster")
        return lines.joined(separator: "\n")
    }
}
