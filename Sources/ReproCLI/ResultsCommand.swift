import ArgumentParser
import ReproExperiments
import ReproReport

struct ResultsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "results", abstract: "Print an experiment's stored results as a table (or CSV).")

    @Argument(help: ArgumentHelp("The experiment.", valueName: "experiment"))
    var experiment: ExperimentName

    @Flag(help: "CSV, one row per trained network.")
    var csv = false

    @OptionGroup var arguments: ExperimentArguments
    @OptionGroup var locations: Locations

    func validate() throws { try arguments.check(experiment, options: arguments.options) }

    func run() throws {
        guard let paper = Papers.owner(of: experiment.name) else { return }
        print(try table(paper), terminator: "")
    }

    private func table<P: PaperReproduction>(_ paper: P) throws -> String {
        let context = PaperContext(runner: locations.runner(for: paper.id),
                                   quick: arguments.profile.quick, rng: arguments.profile.rng)
        let text = try paper.resultsTable(experiment.name, options: arguments.options, csv: csv, context: context)
        return text.hasSuffix("\n") ? text : text + "\n"
    }
}
