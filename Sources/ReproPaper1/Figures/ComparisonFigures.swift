import ReproSupport
import ReproData
import ReproExperiments
import ReproNN
import ReproPlot

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
