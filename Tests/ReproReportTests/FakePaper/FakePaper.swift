import Foundation
import ReproData
import ReproExperiments
import ReproNN
import ReproPlot
import ReproReport
import ReproSupport

/// A paper that exists only in the tests: one experiment (a nearest-class-mean classifier per
/// seed on synthetic digits), one figure, one claim, one template. If it builds a report end to
/// end, the seam works without any paper-1 code.
struct FakePaper: PaperReproduction {
    typealias Results = [ModelRecord]

    let id = "fake"
    var experiments: [ExperimentInfo] {
        [ExperimentInfo(name: "means", summary: "class means, 2 seeds")]
    }

    struct Plan: ExperimentPlanning {
        var experiment = "means"
        var seeds = [0, 1]
        func specs(data: String) -> [ModelSpec] {
            seeds.map { seed in
                ModelSpec(task: .tenDigits, layers: [784, 10], loss: .softmaxCrossEntropy,
                          initialization: Initialization(kind: "none"),
                          optimizer: OptimizerSpec(kind: "closed-form", learningRate: 1, epochs: 1),
                          seed: seed, precision: .float64, data: data,
                          trainer: TrainerVersion(kind: "class-means", version: 1))
            }
        }
        func validate() throws {}
    }

    /// "Training": the mean image of each class over a seed-dependent half of the data.
    struct Trainer: ModelTrainer {
        func groupKey(_ spec: ModelSpec) -> String { "\(spec.seed)" }
        func epochBudget(_ members: [ModelSpec]) -> Int { 1 }
        func describe(_ members: [ModelSpec]) -> String { "seed \(members[0].seed)" }

        func train(_ members: [ModelSpec], data: DataSource,
                   onEpoch: @escaping (Int) -> Void) throws -> [TrainedResult] {
            let mnist = try data.mnist(), p = mnist.pixelsPerImage
            return members.map { spec in
                var means = [Double](repeating: 0, count: 10 * p),
                    counts = [Double](repeating: 0, count: 10)
                for i in 0..<mnist.trainCount where (i + spec.seed) % 2 == 0 {
                    let c = Int(mnist.trainLabels[i]); counts[c] += 1
                    for k in 0..<p {
                        means[c * p + k] += Double(mnist.trainImages[i * p + k]) / 255
                    }
                }
                for c in 0..<10 where counts[c] > 0 {
                    for k in 0..<p { means[c * p + k] /= counts[c] }
                }
                var correct = 0
                for i in 0..<mnist.testCount {
                    let x = (0..<p).map { Double(mnist.testImages[i * p + $0]) / 255 }
                    let d = (0..<10).map { c in
                        (0..<p).reduce(0.0) { $0 + pow(x[$1] - means[c * p + $1], 2) }
                    }
                    if d.firstIndex(of: d.min()!) == Int(mnist.testLabels[i]) { correct += 1 }
                }
                onEpoch(1)
                let accuracy = Double(correct) / Double(mnist.testCount)
                let record = ModelRecord(key: spec.key, spec: spec,
                                         history: TrainingHistory(metrics: ["loss": [0]]),
                                         evaluation: ["accuracy": accuracy],
                                         trainCount: mnist.trainCount / 2,
                                         evaluationCount: mnist.testCount, batchSize: 1,
                                         batchSeconds: 0)
                let layer = LayerWeights(fanIn: p, fanOut: 10, storage: .dense(means),
                                         bias: .init(repeating: 0, count: 10))
                return TrainedResult(record: record, weights: [layer])
            }
        }
    }

    func results(_ context: PaperContext) throws -> [ModelRecord] {
        try context.runner.run(Plan(), trainer: Trainer())
        return try context.runner.records(Plan())
    }

    func figures(_ results: [ModelRecord],
                 facts: PaperFacts) throws -> [(id: FigureID, figure: Figure)] {
        var axes = Axes(title: "accuracy per seed", xLabel: "seed", yLabel: "accuracy")
        axes.series = [.bars(BarSeries(categories: results.map { "\($0.spec.seed)" },
                                       values: results.map { $0.evaluation["accuracy"] ?? 0 }))]
        return [("figX", Figure(axes))]
    }

    func tables(_ results: [ModelRecord]) -> [ReportTable] { [] }

    struct Rule: Decodable { var threshold: Double }

    func checkClaims(_ claims: [Claim], _ results: [ModelRecord]) throws -> [ClaimResult] {
        let mean = Summary(results.compactMap { $0.evaluation["accuracy"] })
        return try claims.map { claim in
            let rule = try claim.test.decode(Rule.self)
            return ClaimResult(claim: claim, reproduced: Digits.meanStd(mean),
                               verdict: mean.mean > rule.threshold ? .holds : .doesNotHold)
        }
    }

    func templateContext(_ results: [ModelRecord], facts: PaperFacts) throws -> [String: Any] {
        ["models": results.count]
    }

    func provenance(_ context: PaperContext) -> [ProvenanceExperiment] {
        [ProvenanceExperiment(Plan(), seeds: [0, 1], store: context.runner.store)]
    }

    func checkOptions(_ experiment: String, options: ExperimentOptions) throws {
        try options.check(allowed: [], for: experiment)
    }

    func run(_ experiment: String, options: ExperimentOptions,
             context: PaperContext) throws -> String {
        "\(try context.runner.run(Plan(), trainer: Trainer()).trained) trained"
    }

    func resultsTable(_ experiment: String, options: ExperimentOptions, csv: Bool,
                      context: PaperContext) throws -> String {
        try context.runner.records(Plan()).map {
            "\($0.spec.seed),\($0.evaluation["accuracy"] ?? 0)"
        }
            .joined(separator: "\n")
    }
}
