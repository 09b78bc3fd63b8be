import ArgumentParser
import Foundation
import ReproExperiments
import ReproSupport

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Train an experiment's models (only those not already in output/results).",
        discussion: "Experiments: lr-grid (paper 1, Fig. 1–2) and capacity (paper 1, Fig. 3 and A.1–A.5).")

    @Argument(help: "lr-grid or capacity.")
    var experiment: String

    @OptionGroup var options: ExperimentOptions
    @OptionGroup var locations: Locations

    @Option(help: "Run only batch i of every n (i/n), to spread a grid over machines sharing output/.")
    var shard: String?

    func validate() throws {
        _ = try options.plan(experiment)
        if let shard { _ = try Shard(parsing: shard) }
    }

    func run() throws {
        let plan = try options.plan(experiment)
        let summary = try locations.runner.run(plan, shard: try shard.map(Shard.init(parsing:)))
        print("\(plan.experiment): \(summary.trained) models trained, \(summary.cached) reused from \(locations.store.root.path), \(String(format: "%.1f", summary.seconds)) s\(summary.complete ? "" : " (incomplete: other shards pending)")")
    }
}
