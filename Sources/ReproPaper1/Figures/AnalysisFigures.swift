import ReproSupport
import Foundation
import ReproData
import ReproExperiments
import ReproPlot

/// Figs. 5–8 and D.1: t-SNE, robustness, saliency and corruption examples.
enum AnalysisFigures {
    static let digitColors = [Color(hex: "#1f77b4"), Color(hex: "#ff7f0e")]

    static func fig5(_ r: Paper1Results) -> Figure {
        let titles = ["original": "original", "pruned": "95 % of weights pruned", "pruned-published": "\"95 %\" as the code ran (0.95 %)"]
        let digits = r.tsne.digits
        let labels = Array(Set(digits)).sorted()
        let panels = r.tsne.panels.map { panel -> Axes in
            let y = panel.result.embedding
            var axes = Axes(title: "\(titles[panel.name] ?? panel.name) — F1 \(String(format: "%.3f", panel.f1)), KL \(String(format: "%.2f", panel.result.finalKL))",
                            xLabel: "t-SNE 1", yLabel: "t-SNE 2")
            for (k, digit) in labels.enumerated() {
                let idx = digits.indices.filter { digits[$0] == digit }
                axes.series.append(.scatter(ScatterSeries(x: idx.map { y[2 * $0] }, y: idx.map { y[2 * $0 + 1] }, colors: [digitColors[k % 2]],
                                                          sizes: [3.2], label: "digit \(digit)", opacity: 0.6)))
            }
            axes.grid = false
            return axes
        }
        return Figure(width: 14, height: 4.8, title: "t-SNE of the hidden layer (h = 24, pair 4/9, held-out images)", rows: 1,
                      columns: panels.count, panels: panels)
    }

    static func fig6(_ r: Paper1Results, published: Paper1Published.Gaussian, extended: Paper1Results? = nil) -> Figure {
        var axes = Axes(title: "Held-out F1 under Gaussian noise, pair 4/9", xLabel: "noise σ",
                        yLabel: "F1 (mean ± std over seeds)")
        let gaussian = Paper1Summaries.gaussian(r)
        let sizes = gaussian.keys.sorted()
        let bands = extended.flatMap(ExtendedSeedBands.init)
        for (k, h) in sizes.enumerated() {
            guard let stats = gaussian[h] else { continue }
            let sigmas = stats.keys.sorted()
            if let bands, let extended {
                let rows = extended.robustness.filter { $0.corruption == "gaussian" && $0.hidden == h }
                let intervals = bands.intervals(rows, x: { $0.sigma! }, seed: \.seed, value: \.f1, purpose: "fig6|\(h)")
                axes.series.append(bands.band(intervals, color: Palette.color(k), labelled: k == 0))
            }
            axes.series.append(.errorBars(ErrorBarSeries(
                x: sigmas, y: sigmas.map { stats[$0]?.mean ?? .nan }, error: sigmas.map { stats[$0]?.std ?? .nan },
                label: "h = \(h)", color: Palette.color(k), marker: Marker.cycle[k])))
        }
        for h in published.hiddenSizes {
            guard let values = published.curve(hidden: h) else { continue }
            axes.series.append(.line(LineSeries(
                x: published.sigmas, y: values, label: "h = \(h), published",
                color: Palette.color(sizes.firstIndex(of: h) ?? 0), width: 1.2, dash: [4, 3])))
        }
        axes.xTicks = RobustnessStudy.sigmas.map { Tick($0, String(format: "%.1f", $0)) }
        return Figure(axes)
    }

    static func fig7(_ r: Paper1Results, published: Paper1Published.Occlusion, extended: Paper1Results? = nil) -> Figure {
        let stats = Paper1Summaries.occlusion(r)
        let sizes = stats.keys.sorted()
        var axes = Axes(title: "Held-out F1 under a random 7×7 occlusion, pair 4/9",
                        xLabel: "hidden size", yLabel: "F1 (mean ± std over seeds)")
        axes.series = [.bars(BarSeries(
            categories: sizes.map(String.init), values: sizes.map { stats[$0]?.mean ?? .nan },
            errors: sizes.map { stats[$0]?.std ?? .nan },
            colors: Palette.sequential(sizes.count, from: 0.25, to: 0.75), valueFormat: "%.3f"))]
        var marked: [Double] = []
        for (k, h) in sizes.enumerated() {
            guard let value = published.value(hidden: h) else { continue }
            axes.series.append(.line(LineSeries(
                x: [Double(k) - 0.35, Double(k) + 0.35], y: [value, value],
                label: marked.isEmpty ? "published" : nil, color: .ink, width: 1.5, dash: [3, 2])))
            marked.append(value)
        }
        if let extended, let bands = ExtendedSeedBands(extended) {
            let rows = extended.robustness.filter { $0.corruption == "occlusion" }
            let intervals = bands.intervals(rows, x: { Double($0.hidden) }, seed: \.seed, value: \.f1, purpose: "fig7")
            for (n, i) in intervals.enumerated() {
                guard let k = sizes.firstIndex(of: Int(i.x)) else { continue }
                axes.series.append(.line(LineSeries(x: [Double(k) + 0.4, Double(k) + 0.4], y: [i.interval.lowerBound, i.interval.upperBound],
                                                    label: n == 0 ? bands.label : nil, color: Palette.color(3), width: 3)))
                marked += [i.interval.lowerBound, i.interval.upperBound]
            }
        }
        let values = r.robustness.filter { $0.corruption == "occlusion" }.map(\.f1) + marked
        axes.yLimits = max(0, (values.min() ?? 0.8) - 0.03)...min(1, (values.max() ?? 0.9) + 0.03)
        return Figure(width: 5.6, height: 4.4, axes)
    }

    /// Fig. 8 for one digit: a row per model (the correct image, the first misclassified image of the
    /// digit, the correct image through both pruned models), each with its input, both finite-difference
    /// maps with their correlation r with |∂p/∂x|, and |∂p/∂x|. A digit without a misclassified image
    /// gets a row saying so.
    static func fig8(_ s: SaliencyStudy.Result, digit: Int) -> Figure {
        let pair = SaliencyStudy.pair
        let count = s.count(digit: digit)
        let wrong = count.map { "\($0.misclassified) of \($0.images) held-out \(digit)s misclassified" } ?? ""
        let rows: [(model: String, title: String)] = [
            ("original", "original · correct \(digit)"), ("misclassified", "original · misclassified \(digit)"),
            ("pruned", "95 % pruned"), ("pruned-published", "0.95 % pruned (code)")]
        func image(_ title: String, _ values: [Double], _ map: Colormap) -> Axes {
            var axes = Axes(title: title)
            axes.series = [.image(ImageSeries(values: values, rows: 28, columns: 28, colormap: map, range: 0...1))]
            axes.showAxes = false
            return axes
        }
        var panels: [Axes] = []
        for row in rows {
            guard let m = s.map(row.model, digit: digit) else {
                let none = row.model == "misclassified" ? "no misclassified \(digit): the model gets all \(count?.images ?? 0) right"
                                                         : "no correctly classified \(digit) among the held-out images"
                panels.append(image(none, Array(repeating: 0.5, count: 784), .gray))
                panels += (0..<3).map { _ in var blank = Axes(); blank.showAxes = false; return blank }
                continue
            }
            panels.append(image("\(row.title) · p(\(pair.high)) = \(String(format: "%.2f", m.probability))", m.image, .gray))
            panels.append(image("ε = 0.1 (code), r = \(String(format: "%.2f", m.correlationCode))", m.fdCode, .hot))
            panels.append(image("ε = 0.01 (paper), r = \(String(format: "%.2f", m.correlationPaper))", m.fdPaper, .hot))
            panels.append(image("|∂p/∂x|", m.gradient, .hot))
        }
        let c = s.configuration
        return Figure(width: 12, height: 2.9 * Double(rows.count),
                      title: "Digit \(digit) of pair \(pair) · h = \(c.hidden), seed \(c.seed) (as in the \(c.source)) · \(wrong)",
                      rows: rows.count, columns: 4, panels: panels)
    }

    static func figD1(_ r: Paper1Results) -> Figure {
        let e = r.corruptionExamples
        func image(_ title: String, _ values: [Double]) -> Axes {
            var axes = Axes(title: title)
            axes.series = [.image(ImageSeries(values: values, rows: 28, columns: 28, colormap: .gray, range: 0...1))]
            axes.showAxes = false
            return axes
        }
        // Outline the patch: on the black background an occlusion is otherwise invisible.
        var occluded = image("7×7 occlusion (outlined)", e.occluded)
        let (x0, y0) = (Double(e.patchLeft) - 0.5, Double(e.patchTop) - 0.5)
        occluded.series.append(.line(LineSeries(x: [x0, x0 + 7, x0 + 7, x0, x0], y: [y0, y0, y0 + 7, y0 + 7, y0], color: Color(hex: "#e8112d"), width: 1.5)))
        return Figure(width: 8, height: 3.2, title: "Corruptions of one held-out image (digit \(e.digit))", rows: 1, columns: 3,
                      panels: [image("original", e.original), image("Gaussian noise, σ = 0.3", e.noisy), occluded])
    }
}
