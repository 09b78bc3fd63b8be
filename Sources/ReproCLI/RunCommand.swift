import ArgumentParser
import Foundation
import ReproExperiments
import ReproReport

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Train an experiment's models (only those not already in output/<paper>/results).",
        discussion: "Experiments: " + Papers.all.flatMap { p in
            p.experiments.map { "\($0.name) (\(p.id): \($0.summary))" }
        }.joined(separator: "; ") + ".")

    @Argument(help: ArgumentHelp("The experiment.", valueName: "experiment"))
    var experiment: ExperimentName

    @OptionGroup var arguments: ExperimentArguments
    @OptionGroup var locations: Locations

    @Option(parsing: .unconditional,
            help: "Run only batch i of every n (i/n), to spread a grid over machines sharing output/.",
            transform: Shard.init(parsing:))
    var shard: Shard?

    /// The experiment, every option and its fit to the experiment are checked before any work.
    func validate() throws {
        try arguments.check(experiment, options: options)
    }

    var options: ExperimentOptions {
        var options = arguments.options
        options.shard = shard
        return options
    }

    func run() throws {
        guard let paper = Papers.owner(of: experiment.name) else { return }
        try locations.checkWritable(papers: [paper.id])
        print(try run(paper))
    }

    private func run<P: PaperReproduction>(_ paper: P) throws -> String {
        let context = PaperContext(runner: locations.runner(for: paper.id), quick: options.quick,
                                   rng: arguments.profile.rng) { print($0) }
        return try paper.run(experiment.name, options: options, context: context)
    }
}
