import ReproExperiments
import ReproNN

extension Paper1Results {
    /// The results of the paper's seeds only: what the figures and tables show.
    public var paperView: Paper1Results {
        paperSeeds.isEmpty || paperSeeds == extendedSeeds ? self : Paper1SeedSlices(self).results(paperSeeds)
    }
}

/// Paper 1's results cut by seed once, so that the results of any list of seeds — a seed listed
/// twice counts twice, as in a bootstrap draw — are put together without searching.
public struct Paper1SeedSlices: Sendable {
    struct Slice: Sendable {
        var lrGrid: [ModelRecord] = []
        var capacity: [ModelRecord] = []
        var pruning: [PruningStudy.Row] = []
        var deadNeurons: [DeadNeuronStudy.Row] = []
        var robustness: [RobustnessStudy.Row] = []
        var saliencyConcentration: [SaliencyConcentration.Row] = []
        var tsneSeeds: [TSNEStudy.SeedRow] = []
    }

    let base: Paper1Results
    let slices: [Int: Slice]

    public init(_ results: Paper1Results) {
        base = results
        var slices: [Int: Slice] = [:]
        for r in results.lrGrid { slices[r.spec.seed, default: Slice()].lrGrid.append(r) }
        for r in results.capacity { slices[r.spec.seed, default: Slice()].capacity.append(r) }
        for r in results.pruning { slices[r.seed, default: Slice()].pruning.append(r) }
        for r in results.deadNeurons { slices[r.seed, default: Slice()].deadNeurons.append(r) }
        for r in results.robustness { slices[r.seed, default: Slice()].robustness.append(r) }
        for r in results.saliencyConcentration { slices[r.seed, default: Slice()].saliencyConcentration.append(r) }
        for r in results.tsneSeeds { slices[r.seed, default: Slice()].tsneSeeds.append(r) }
        self.slices = slices
    }

    /// The results of exactly these seeds; the single-model analyses (Fig. 5's embedding, the Fig. 8 maps)
    /// and the replayed runs are kept as they are.
    public func results(_ seeds: [Int]) -> Paper1Results {
        var r = base
        let parts = seeds.map { slices[$0] ?? Slice() }
        r.lrGrid = parts.flatMap(\.lrGrid)
        r.capacity = parts.flatMap(\.capacity)
        r.pruning = parts.flatMap(\.pruning)
        r.deadNeurons = parts.flatMap(\.deadNeurons)
        r.robustness = parts.flatMap(\.robustness)
        r.saliencyConcentration = parts.flatMap(\.saliencyConcentration)
        r.tsneSeeds = parts.flatMap(\.tsneSeeds)
        r.paperSeeds = base.paperSeeds.filter(seeds.contains)
        r.extendedSeeds = seeds
        return r
    }
}
