import Foundation
import ReproExperiments
import ReproPlot
import ReproReport
import ReproSupport

/// Paper 2 (static sparsity at fixed capacity vs robustness) as a plug-in. This stage has its
/// three families of trained networks (`run`, `results`); its evaluations, figures and claims
/// come in the next stages, so it does not build a report yet.
public struct Paper2Reproduction: PaperReproduction {
    public init() {}

    public let id = "paper2"

    public var experiments: [ExperimentInfo] {
        Paper2Family.allCases.map { ExperimentInfo(name: $0.rawValue, summary: $0.summary) }
    }

    public var buildsReport: Bool { false }

    public func results(_ context: PaperContext) throws -> [Paper2Family: [ModelRecord]] {
        var results: [Paper2Family: [ModelRecord]] = [:]
        for family in Paper2Family.allCases {
            let plan = Paper2Plan.named(family, quick: context.quick)
            let outcome = try context.runner.run(plan, trainer: SparseNetworkTrainer())
            context.log("\(plan.experiment): \(outcome.trained) trained, \(outcome.cached) reused")
            results[family] = try context.runner.records(plan)
        }
        return results
    }

    public func figures(_ results: [Paper2Family: [ModelRecord]],
                        facts: PaperFacts) throws -> [(id: FigureID, figure: Figure)] {
        []
    }

    public func tables(_ results: [Paper2Family: [ModelRecord]]) -> [ReportTable] {
        results.sorted { $0.key.rawValue < $1.key.rawValue }.map { family, records in
            let table = Paper2ResultTable(records: records, family: family)
            return ReportTable(id: FigureID("results-\(family.rawValue)"), markdown: table.report(),
                               csv: table.csv())
        }
    }

    public func checkClaims(_ claims: [Claim],
                            _ results: [Paper2Family: [ModelRecord]]) throws -> [ClaimResult] {
        []
    }

    public func templateContext(_ results: [Paper2Family: [ModelRecord]],
                                facts: PaperFacts) throws -> [String: Any] {
        [:]
    }

    public func provenance(quick: Bool, store: ResultStore) -> [ProvenanceExperiment] {
        Paper2Family.allCases.map { family in
            let plan = Paper2Plan.named(family, quick: quick)
            return ProvenanceExperiment(plan, seeds: plan.seeds, store: store)
        }
    }

    public func run(_ experiment: String, options: ExperimentOptions,
                    context: PaperContext) throws -> String {
        let plan = try Paper2Plan.plan(experiment, options: options)
        context.log(Paper2Design.describe(plan))
        let outcome = try context.runner.run(plan, trainer: SparseNetworkTrainer(),
                                             shard: options.shard)
        return outcome.line(plan.experiment)
    }

    public func resultsTable(_ experiment: String, options: ExperimentOptions, csv: Bool,
                             context: PaperContext) throws -> String {
        let plan = try Paper2Plan.plan(experiment, options: options)
        let table = Paper2ResultTable(records: try context.runner.records(plan),
                                      family: plan.family)
        return csv ? table.csv() : table.report()
    }
}
