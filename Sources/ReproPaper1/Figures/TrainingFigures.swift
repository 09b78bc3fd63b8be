import ReproSupport
import Foundation
import ReproData
import ReproExperiments
import ReproPlot

/// Figs. 1–3 and A.1–A.5: the learning-rate grid and the capacity sweep.
enum TrainingFigures {
    /// Fig. 1: held-out F1 against learning rate; colour = hidden size, marker size = accuracy (means over seeds).
    static func fig1(_ r: Paper1Results) -> Figure {
        let sizes = Array(Set(r.lrGrid.map(\.spec.hidden))).sorted()
        let colors = Palette.sequential(sizes.count)
        let groups = Dictionary(grouping: r.lrGrid) { [$0.spec.hidden, Int($0.spec.learningRate * 1e6)] }
        var x: [Double] = [], y: [Double] = [], c: [Color] = [], s: [Double] = []
        for (key, records) in groups.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            x.append(records[0].spec.learningRate)
            y.append(Summary(records.map(\.heldOut.f1)).mean)
            c.append(colors[sizes.firstIndex(of: key[0])!])
            s.append(markerSize(accuracy: Summary(records.map(\.heldOut.accuracy)).mean))
        }
        var axes = Axes(title: "Held-out F1 vs learning rate, pair 4/9 (mean over seeds)", xLabel: "learning rate", yLabel: "held-out F1")
        axes.xScale = .log10
        axes.series = [.scatter(ScatterSeries(x: x, y: y, colors: c, sizes: s))]
        axes.legend = .outsideRight
        axes.extraLegends = [Legend.colors(title: "hidden size", labels: sizes.map(String.init), colors: colors),
                             Legend.sizes(title: "accuracy", values: [0.5, 0.7, 0.9], format: "%.1f", size: markerSize)]
        return Figure(width: 7.5, height: 4.8, axes)
    }

    static func markerSize(accuracy: Double) -> Double { 3 + 14 * max(0, accuracy - 0.4) / 0.6 }

    /// Mean held-out F1 per (hidden size, learning rate): rows = sizes, columns = rates.
    static func gridMatrix(_ records: [ModelRecord]) -> (sizes: [Int], rates: [Double], values: [[Double]]) {
        let sizes = Array(Set(records.map(\.spec.hidden))).sorted(), rates = Array(Set(records.map(\.spec.learningRate))).sorted()
        let means = summarize(records, by: { "\($0.spec.hidden)|\($0.spec.learningRate)" }) { $0.heldOut.f1 }
        return (sizes, rates, sizes.map { h in rates.map { means["\(h)|\($0)"]?.mean ?? .nan } })
    }

    /// Fig. 2: heatmap of mean held-out F1, hidden size × learning rate.
    static func fig2(_ r: Paper1Results) -> Figure {
        let (sizes, rates, values) = gridMatrix(r.lrGrid)
        var axes = Axes(title: "Held-out F1 by hidden size and learning rate, pair 4/9", xLabel: "learning rate", yLabel: "hidden size")
        axes.series = [.heatmap(HeatmapSeries(values: values, rowLabels: sizes.map(String.init), columnLabels: rates.map(RateLabel.text), range: 0...1))]
        axes.colorBar = ColorBar(colormap: .viridis, range: 0...1, label: "F1 (mean over seeds)")
        return Figure(width: 6.4, height: 6, axes)
    }

    /// Fig. 3: mean ± std over seeds of the best training F1 (or the held-out F1) against hidden size.
    /// With `extended`, each pair also gets the 95 % interval of its mean over the extended seeds.
    static func fig3(_ r: Paper1Results, heldOut: Bool, extended: Paper1Results? = nil) -> Figure {
        let title = heldOut ? "Held-out F1 after training vs hidden size" : "Best training F1 over epochs vs hidden size"
        var axes = Axes(title: title, xLabel: "hidden size", yLabel: heldOut ? "held-out F1 (mean ± std)" : "best F1 (mean ± std)")
        let bands = extended.flatMap(ExtendedSeedBands.init)
        for (k, pair) in orderedPairs(r.capacity.map(\.spec.pair)).enumerated() {
            let records = r.capacity.filter { $0.spec.pair == pair }
            let stats = summarize(records, by: \.spec.hidden) { heldOut ? $0.heldOut.f1 : $0.bestTrainF1 }
            let sizes = stats.keys.sorted()
            if let bands, let extended {
                let intervals = bands.intervals(extended.capacity.filter { $0.spec.pair == pair }, x: { Double($0.spec.hidden) },
                                                seed: \.spec.seed, value: { heldOut ? $0.heldOut.f1 : $0.bestTrainF1 },
                                                purpose: "fig3|\(heldOut)|\(pair)")
                axes.series.append(bands.band(intervals, color: Palette.color(k), labelled: k == 0))
            }
            axes.series.append(.errorBars(ErrorBarSeries(x: sizes.map(Double.init), y: sizes.map { stats[$0]!.mean }, error: sizes.map { stats[$0]!.std },
                                                         label: pair.description, marker: Marker.cycle[k % Marker.cycle.count])))
        }
        axes.legendTitle = "pair"
        axes.xScale = .log10
        let sizes = Array(Set(r.capacity.map(\.spec.hidden))).sorted()
        axes.xTicks = sizes.map { Tick(Double($0), "\($0)") }
        return Figure(axes)
    }

    /// Figs. A.1–A.5: training-set F1 and loss per epoch, one line per hidden size, ± std band over seeds.
    static func figA(_ r: Paper1Results, pair: DigitPair) -> Figure {
        let records = r.capacity.filter { $0.spec.pair == pair }
        let sizes = Array(Set(records.map(\.spec.hidden))).sorted()
        func panel(_ title: String, _ label: String, legend: Bool, _ metric: (ModelRecord) -> [Double]) -> Axes {
            var axes = Axes(title: title, xLabel: "epoch", yLabel: label)
            for (k, h) in sizes.enumerated() {
                let runs = records.filter { $0.spec.hidden == h }.map(metric)
                let epochs = runs.map(\.count).min() ?? 0
                let stats = (0..<epochs).map { e in Summary(runs.map { $0[e] }) }
                let x = (1...max(epochs, 1)).prefix(epochs).map(Double.init)
                let color = Palette.color(k)
                axes.series.append(.band(BandSeries(x: x, lower: stats.map { $0.mean - $0.std }, upper: stats.map { $0.mean + $0.std }, color: color, opacity: 0.15)))
                axes.series.append(.line(LineSeries(x: x, y: stats.map(\.mean), label: "\(h)", color: color, width: 1.3)))
            }
            axes.legendTitle = "hidden size"
            axes.legend = legend ? .outsideRight : .hidden
            return axes
        }
        return Figure(width: 11, height: 4.2, title: "Pair \(pair): training-set metrics per epoch (mean ± std over seeds)", rows: 1, columns: 2,
                      panels: [panel("F1", "training F1", legend: false, \.history.f1), panel("loss", "training BCE loss", legend: true, \.history.loss)])
    }
}
