import ReproSupport
import ReproData
import ReproExperiments
import ReproNN
import ReproReport

/// Every stored result paper 1's figures, tables and claims are drawn from.
public struct Paper1Results: Sendable {
    public var lrGrid: [ModelRecord]
    public var capacity: [ModelRecord]
    public var pruning: [PruningStudy.Row]
    public var deadNeurons: [DeadNeuronStudy.Row]
    public var tsne: TSNEStudy.Result
    public var robustness: [RobustnessStudy.Row]
    public var saliency: [SaliencyStudy.Result]
    /// How much of the saliency of correctly classified images sits on stroke pixels, per seed and model.
    public var saliencyConcentration: [SaliencyConcentration.Row] = []
    /// The t-SNE cluster quality of every seed (Fig. 5 shows one), for C7's interval.
    public var tsneSeeds: [TSNEStudy.SeedRow] = []
    public var corruptionExamples: CorruptionExamples.Result
    public var quick: Bool
    /// Whose random numbers trained the models (the tool's own, or the published code's).
    public var rng: RandomSource = .repro
    /// The capacity sweep under `--rng numpy`, if it is stored (`repro run capacity --rng numpy`);
    /// empty otherwise. A report never trains it on its own: it costs a second sweep.
    public var replayCapacity: [ModelRecord] = []
    /// The LR grid replayed under each draw-order hypothesis that has been run.
    public var replayGrids: [(scheme: ReplayScheme, records: [ModelRecord])] = []
    /// Wall time of each analysis in the run that assembled these results (cached ones take ~0 s).
    public var stepTimes: [StepTime] = []
    /// The profile's seeds (the paper's 0, 42, 78), which the figures and tables show, and the
    /// extended set the claims are re-checked over (the paper's first). The seeded results above
    /// hold every extended seed; `paperView` narrows them to the paper's.
    public var paperSeeds: [Int] = []
    public var extendedSeeds: [Int] = []

    public init(lrGrid: [ModelRecord], capacity: [ModelRecord], pruning: [PruningStudy.Row],
                deadNeurons: [DeadNeuronStudy.Row], tsne: TSNEStudy.Result,
                robustness: [RobustnessStudy.Row], saliency: [SaliencyStudy.Result],
                corruptionExamples: CorruptionExamples.Result, quick: Bool) {
        self.lrGrid = lrGrid; self.capacity = capacity; self.pruning = pruning
        self.deadNeurons = deadNeurons; self.tsne = tsne; self.robustness = robustness
        self.saliency = saliency; self.corruptionExamples = corruptionExamples; self.quick = quick
    }
}

/// Mean ± std over seeds of the values picked out by `key`, grouped by `group`.
func summarize<T, G: Hashable>(_ items: [T], by group: (T) -> G, _ value: (T) -> Double) -> [G: Summary] {
    Summary.grouped(items, by: group, value)
}

/// Pairs in the paper's order of difficulty, among those present.
func orderedPairs(_ pairs: some Sequence<DigitPair>) -> [DigitPair] {
    let present = Set(pairs)
    return Paper1Plan.paperPairs.filter(present.contains)
        + present.subtracting(Paper1Plan.paperPairs).sorted()
}
