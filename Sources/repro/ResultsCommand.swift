import ArgumentParser
import ReproExperiments

struct ResultsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "results", abstract: "Print an experiment's stored results as a table (or CSV).")

    @Argument(help: "lr-grid or capacity.")
    var experiment: String

    @Flag(help: "CSV, one row per (pair, hidden size, seed[, lr]).")
    var csv = false

    @OptionGroup var options: ExperimentOptions
    @OptionGroup var locations: Locations

    func validate() throws { _ = try options.plan(experiment) }

    func run() throws {
        let plan = try options.plan(experiment)
        let table = ResultTable(records: try locations.runner.records(plan), showLearningRate: plan.experiment == "lr-grid")
        if csv {
            print(table.csv(), terminator: "")
            return
        }
        print(table.text())
        if plan.experiment == "lr-grid" {
            print(table.summary(title: "Held-out F1, mean ± std over seeds (rows: hidden size, columns: learning rate)") { $0.heldOut.f1 })
            print(table.summary(title: "Best training F1 over epochs, mean ± std over seeds") { $0.bestTrainF1 })
        } else {
            print(table.summary(title: "Best training F1 over epochs, mean ± std over seeds (rows: hidden size, columns: pair)") { $0.bestTrainF1 })
            print(table.summary(title: "Held-out F1 after training, mean ± std over seeds") { $0.heldOut.f1 })
        }
    }
}
