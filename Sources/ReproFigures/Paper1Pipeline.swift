import Foundation
import ReproData
import ReproExperiments
import ReproPlot
import ReproSupport

/// Computes whatever paper 1's figures still need (training first, then each analysis), then renders.
public enum Paper1Pipeline {
    public static func results(runner: ExperimentRunner, quick: Bool, log: (String) -> Void = { _ in }) throws -> Paper1Results {
        let grid = ExperimentPlan.lrGrid(quick: quick), capacity = ExperimentPlan.capacity(quick: quick)
        for plan in [grid, capacity] {
            let summary = try runner.run(plan)
            log("\(plan.experiment): \(summary.trained) trained, \(summary.cached) reused")
        }
        let context = StudyContext(runner: runner, base: capacity)
        var times: [(String, Double)] = []
        func step<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
            let start = Date()
            let value = try body()
            times.append((name, Date().timeIntervalSince(start)))
            log("\(name): \(String(format: "%.1f", times.last!.1)) s")
            return value
        }
        var results = Paper1Results(
            lrGrid: try runner.records(grid), capacity: try runner.records(capacity),
            pruning: try step("pruning") { try PruningStudy.run(context) },
            deadNeurons: try step("dead neurons") { try DeadNeuronStudy.run(context) },
            tsne: try step("t-SNE") { try TSNEStudy.run(context) },
            robustness: try step("robustness") { try RobustnessStudy.run(context) },
            saliency: try step("saliency") { try SaliencyStudy.run(context) },
            corruptionExamples: try step("corruption examples") { try CorruptionExamples.run(context) },
            quick: quick)
        results.stepSeconds = times.map { (name: $0.0, seconds: $0.1) }
        return results
    }

    /// Writes every figure (each format) and table into `directory`; returns the files written.
    @discardableResult
    public static func render(_ results: Paper1Results, to directory: URL, formats: [OutputFormat] = [.png(dpi: 150), .pdf]) throws -> [URL] {
        var files: [URL] = []
        for (id, figure) in Paper1Figures.all(results) {
            files += try FigureRenderer.write(figure, to: directory.appendingPathComponent(id), formats: formats)
        }
        for table in Paper1Figures.tables(results) {
            let md = directory.appendingPathComponent("\(table.id).md"), csv = directory.appendingPathComponent("\(table.id).csv")
            try AtomicFile.write(Data(table.markdown.utf8), to: md)
            try AtomicFile.write(Data(table.csv.utf8), to: csv)
            files += [md, csv]
        }
        return files
    }
}
