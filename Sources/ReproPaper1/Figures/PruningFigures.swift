import ReproSupport
import ReproData
import ReproExperiments
import ReproNN
import ReproPlot

/// Fig. 4 and B.1–B.4: percent change of held-out F1 (or ROC-AUC) after one-shot magnitude
/// pruning, one line per hidden size with ± std error bars, for both readings side by side.
enum PruningFigures {
    static func figure(_ r: Paper1Results, pair: DigitPair, auc: Bool) -> Figure {
        let rows = r.pruning.filter { $0.pair == pair }
        let metric = auc ? "ROC-AUC" : "F1"
        func panel(_ reading: MagnitudePruning.Reading) -> Axes {
            let title = reading == .correct ? "p % of the weights removed (as the paper states)" : "p/100 % removed (what the published code ran)"
            var axes = Axes(title: title, xLabel: "pruning level p (%)", yLabel: "change in held-out \(metric) (%)")
            let sizes = Array(Set(rows.map(\.hidden))).sorted()
            for (k, h) in sizes.enumerated() {
                let subset = rows.filter { $0.hidden == h && $0.reading == reading }
                let stats = summarize(subset, by: \.level) { auc ? $0.aucChange : $0.f1Change }
                let levels = [0.0] + stats.keys.sorted()
                axes.series.append(.errorBars(ErrorBarSeries(
                    x: levels, y: levels.map { $0 == 0 ? 0 : stats[$0]!.mean }, error: levels.map { $0 == 0 ? 0 : stats[$0]!.std },
                    label: "\(h)", color: Palette.color(k), markerSize: 4, capSize: 2.5, lineWidth: 1.3)))
            }
            axes.legendTitle = "hidden size"
            axes.legend = reading == .published ? .outsideRight : .hidden
            return axes
        }
        return Figure(width: 12, height: 4.6, title: "Pair \(pair): change in held-out \(metric) after one-shot magnitude pruning (mean ± std over seeds)",
                      rows: 1, columns: 2, panels: [panel(.correct), panel(.published)])
    }
}
