import ReproExperiments
import ReproReport
import ReproRobustness
import ReproSupport

/// One MLP plan's networks and their robustness evaluations as rows: trained where missing
/// (every stored network reused), evaluated with the given settings where not cached. Variants
/// and the extended seeds both read their width family through it, so their rows are the
/// default's kind of rows (family sparse-width) and a claim checker reads them the same way.
struct EvaluatedPlan {
    var plan: Paper2Plan
    var settings: RobustnessSettings

    /// Trains what is missing, then evaluates.
    func rows(runner: ExperimentRunner, trainer: any ModelTrainer = SparseNetworkTrainer(),
              log: @escaping (String) -> Void) throws -> [RobustnessRow] {
        let outcome = try runner.run(plan, trainer: trainer)
        log(Paper2Reproduction.outcomeLine(plan, outcome, runner: runner))
        return try study(runner, log: log).rows([plan.family: try runner.records(plan)])
    }

    /// Stored networks and cached evaluations only; refused in one line naming the command
    /// that computes them when something is missing.
    func storedRows(runner: ExperimentRunner, command: String) throws -> [RobustnessRow] {
        let missing = "\(plan.experiment) is not all computed yet; run `\(command)` first"
        guard let records = try? runner.records(plan) else { throw ReproError(missing) }
        let study = study(runner, log: { _ in })
        guard study.isComplete([plan.family: records]) else { throw ReproError(missing) }
        return try study.rows([plan.family: records])
    }

    private func study(_ runner: ExperimentRunner,
                       log: @escaping (String) -> Void) -> RobustnessStudy {
        RobustnessStudy(runner: runner, settings: settings, log: log)
    }
}
