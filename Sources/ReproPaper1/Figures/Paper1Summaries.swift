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

    /// Per pair: the smallest hidden size whose mean held-out F1 exceeds `threshold`.
    public static func minimumCapacity(_ r: Paper1Results, threshold: Double = 0.9) -> [(pair: DigitPair, minimum: Int?, atMinimum: Summary?, atLargest: Summary)] {
        orderedPairs(r.capacity.map(\.spec.pair)).map { pair in
            let stats = Dictionary(grouping: r.capacity.filter { $0.spec.pair == pair }, by: \.spec.hidden).mapValues { Summary($0.map(\.heldOut.f1)) }
            let sizes = stats.keys.sorted()
            let minimum = sizes.first { stats[$0]!.mean > threshold }
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

/// Figures that put our numbers beside the published ones.
public enum ComparisonFigures {
    /// Three heatmaps: ours, the published values, and ours − published (rows and columns matched by value).
    public static func heatmap(_ r: Paper1Results, publishedSizes: [Int], publishedRates: [Double], published: [[Double]]) -> Figure {
        let ours = Paper1Summaries.heatmap(r)
        let rates = ours.rates.map(RateLabel.text)
        func publishedValue(_ h: Int, _ lr: Double) -> Double {
            guard let i = publishedSizes.firstIndex(of: h), let j = publishedRates.firstIndex(where: { abs($0 - lr) < 1e-12 }) else { return .nan }
            return published[i][j]
        }
        let theirs = ours.sizes.map { h in ours.rates.map { publishedValue(h, $0) } }
        let difference = zip(ours.values, theirs).map { zip($0, $1).map { $0 - $1 } }
        func panel(_ title: String, _ values: [[Double]], _ map: Colormap, _ range: ClosedRange<Double>, bar: String) -> Axes {
            var axes = Axes(title: title, xLabel: "learning rate", yLabel: "hidden size")
            axes.series = [.heatmap(HeatmapSeries(values: values, rowLabels: ours.sizes.map(String.init), columnLabels: rates, colormap: map, range: range))]
            axes.colorBar = ColorBar(colormap: map, range: range, label: bar)
            return axes
        }
        return Figure(width: 17, height: 5.6, title: "Fig. 2, reproduced and published (pair 4/9)", rows: 1, columns: 3, panels: [
            panel("ours (mean held-out F1)", ours.values, .viridis, 0...1, bar: "F1"),
            panel("published (read off the paper)", theirs, .viridis, 0...1, bar: "F1"),
            panel("ours − published", difference, .coolwarm, -1...1, bar: "difference in F1"),
        ])
    }
}
