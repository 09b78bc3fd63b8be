import ReproSupport
import ReproData
import ReproExperiments
import ReproNN
import ReproPlot

/// Numbers drawn from the results that both the figures and the report's tables use.
public enum Paper1Summaries {
    /// Mean held-out F1 per (hidden size, learning rate) on the grid: rows = sizes, columns = rates.
    public static func heatmap(_ r: Paper1Results) -> (sizes: [Int], rates: [Double], values: [[Double]]) {
        TrainingFigures.gridMatrix(r.lrGrid)
    }

    /// Mean ± std over seeds of held-out F1 (or best training F1) per hidden size, for one pair.
    public static func capacityBySize(_ r: Paper1Results, pair: DigitPair, heldOut: Bool = true) -> [Int: Summary] {
        summarize(r.capacity.filter { $0.spec.pair == pair }, by: \.spec.hidden) { heldOut ? $0.heldOut.f1 : $0.bestTrainF1 }
    }

    /// A pair's sizes and the index of its critical size — the smallest with mean F1 above
    /// `threshold` — or `sizes.count` when none reaches it.
    public static func criticalSize(_ stats: [Int: Summary], threshold: Double) -> (sizes: [Int], index: Int) {
        let sizes = stats.keys.sorted()
        return (sizes, sizes.firstIndex { stats[$0]!.mean > threshold } ?? sizes.count)
    }

    /// Per pair: the smallest hidden size whose mean held-out F1 exceeds `threshold`.
    public static func minimumCapacity(_ r: Paper1Results, threshold: Double = 0.9) -> [(pair: DigitPair, minimum: Int?, atMinimum: Summary?, atLargest: Summary)] {
        orderedPairs(r.capacity.map(\.spec.pair)).map { pair in
            let stats = capacityBySize(r, pair: pair)
            let (sizes, index) = criticalSize(stats, threshold: threshold)
            let minimum = index < sizes.count ? sizes[index] : nil
            return (pair, minimum, minimum.map { stats[$0]! }, stats[sizes.last!]!)
        }
    }

    /// Mean percent change of held-out F1 per hidden size at a level under a reading, for one pair.
    public static func pruningChange(_ r: Paper1Results, pair: DigitPair, level: Double, reading: MagnitudePruning.Reading) -> [Int: Summary] {
        summarize(r.pruning.filter { $0.pair == pair && $0.level == level && $0.reading == reading }, by: \.hidden) { $0.f1Change }
    }

    /// Mean ± std held-out F1 per hidden size under Gaussian noise of each σ.
    public static func gaussian(_ r: Paper1Results) -> [Int: [Double: Summary]] {
        let rows = r.robustness.filter { $0.corruption == "gaussian" }
        return Dictionary(grouping: rows, by: \.hidden).mapValues { summarize($0, by: { $0.sigma! }) { $0.f1 } }
    }

    public static func occlusion(_ r: Paper1Results) -> [Int: Summary] {
        summarize(r.robustness.filter { $0.corruption == "occlusion" }, by: \.hidden) { $0.f1 }
    }
}
