import Foundation
import ReproPlot
import ReproSupport

/// One figure of every kind ReproPlot draws, from synthetic data shaped like paper 1's results,
/// so the module's range can be looked at in one place (`repro figures gallery`).
public enum Gallery {
    public static let hiddenSizes = [2, 4, 6, 8, 10, 12, 16, 24, 32, 48, 64]

    public static func figures() -> [(name: String, figure: Figure)] {
        [("lines_markers", linesWithMarkers()), ("errorbars_11_series", errorBars11()),
         ("bands", bands()),
         ("scatter_log_axis", scatterLog()), ("heatmap", heatmap()), ("images", images()),
         ("bars", bars()), ("multipanel", multipanel())]
    }

    static func linesWithMarkers() -> Figure {
        let x = [2.0, 4, 6, 8, 10, 12, 16, 24, 32, 48, 64]
        let curves: [(String, Double, Marker)] = [("0/1", 0.02, .circle), ("5/6", 0.12, .square),
                                                  ("4/9", 0.3, .triangle)]
        var axes = Axes(title: "Best F1 vs hidden size", xLabel: "hidden size", yLabel: "F1")
        axes.series = curves.map { name, gap, marker in
            .line(LineSeries(x: x, y: x.map { 1 - gap * exp(-$0 / 12) - gap / 4 }, label: name,
                             marker: marker))
        }
        axes.legendTitle = "pair"
        return Figure(axes)
    }

    /// The heaviest figure of the report: 11 series with error bars (the pruning figures).
    public static func errorBars11() -> Figure {
        var rng = RandomStream(seed: 0, "gallery-errorbars")
        let levels = [0.0, 10, 15, 20, 30, 40, 50, 80, 90, 95, 99]
        var axes = Axes(title: "Percent change of F1 after pruning (synthetic)",
                        xLabel: "pruned weights (%)", yLabel: "change in F1 (%)")
        axes.series = hiddenSizes.enumerated().map { k, h in
            let y = levels.map { p in
                -pow(p / 100, 6 + Double(k)) * 40 / Double(k + 1) + rng.nextNormal() * 0.3
            }
            let error = levels.map { _ in 0.3 + abs(rng.nextNormal()) * 0.4 }
            return .errorBars(ErrorBarSeries(x: levels, y: y, error: error, label: "\(h)"))
        }
        axes.legendTitle = "hidden size"
        return Figure(width: 7.2, height: 4.8, axes)
    }

    static func bands() -> Figure {
        var rng = RandomStream(seed: 0, "gallery-bands")
        let epochs = (1...100).map(Double.init)
        var axes = Axes(title: "Training F1 vs epoch, mean ± std over seeds", xLabel: "epoch",
                        yLabel: "F1")
        for (k, h) in [4, 12, 24, 64].enumerated() {
            let rate = 0.03 + 0.02 * Double(k)
            let mean = epochs.map { 0.95 - 0.45 * exp(-rate * $0) }
            let std = epochs.map { _ in 0.02 + abs(rng.nextNormal()) * 0.01 }
            let color = Palette.color(k)
            axes.series.append(.band(BandSeries(x: epochs, lower: zip(mean, std).map { $0 - $1 },
                                                upper: zip(mean, std).map { $0 + $1 },
                                                color: color)))
            axes.series.append(.line(LineSeries(x: epochs, y: mean, label: "h = \(h)",
                                                color: color)))
        }
        return Figure(axes)
    }

    static func scatterLog() -> Figure {
        var rng = RandomStream(seed: 0, "gallery-scatter")
        let rates = [1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2]
        let colors = Palette.sequential(hiddenSizes.count)
        var x: [Double] = [], y: [Double] = [], c: [Color] = [], s: [Double] = []
        for (k, _) in hiddenSizes.enumerated() {
            for lr in rates {
                let f1 = min(0.95, max(0, 0.15 * log10(lr / 1e-5) + 0.03 * Double(k)
                                          + rng.nextNormal() * 0.08))
                x.append(lr); y.append(f1); c.append(colors[k])
                s.append(4 + 12 * (0.5 + f1 / 2))
            }
        }
        var axes = Axes(title: "F1 vs learning rate", xLabel: "learning rate", yLabel: "F1")
        axes.xScale = .log10
        axes.series = [.scatter(ScatterSeries(x: x, y: y, colors: c, sizes: s))]
        axes.legend = .outsideRight
        axes.extraLegends = [Legend.colors(title: "hidden size",
                                           labels: hiddenSizes.map(String.init), colors: colors),
                             Legend.sizes(title: "accuracy", values: [0.5, 0.75, 1.0],
                                          format: "%.2f") { 4 + 12 * $0 }]
        return Figure(width: 7.2, height: 4.8, axes)
    }

    /// A synthetic 11 × 6 grid of scores with the texture of a learning-rate heatmap (rising with
    /// both axes, with a few noisy cells), to exercise cell annotation.
    public static let syntheticHeatmap: [[Double]] = (0..<11).map { i in
        (0..<6).map { j in
            let base = 0.15 + 0.06 * Double(j) + 0.035 * Double(i)
            let noise = Double((i * 7 + j * 13) % 9) / 30 - 0.13
            return (min(0.95, max(0, base + noise)) * 100).rounded() / 100
        }
    }

    static func heatmap() -> Figure {
        var axes = Axes(title: "F1 by hidden size and learning rate", xLabel: "learning rate",
                        yLabel: "hidden size")
        let range = 0.0...0.91
        axes.series = [.heatmap(HeatmapSeries(values: syntheticHeatmap,
                                              rowLabels: hiddenSizes.map(String.init),
                                              columnLabels: ["1e-4", "3e-4", "1e-3", "3e-3",
                                                             "1e-2", "3e-2"],
                                              range: range))]
        axes.colorBar = ColorBar(colormap: .viridis, range: range, label: "F1")
        return Figure(width: 6.4, height: 6.0, axes)
    }

    /// A synthetic 28×28 "digit": a ring with a stem, values in [0, 1].
    public static func syntheticDigit() -> [Double] {
        (0..<784).map { k in
            let r = Double(k / 28) - 10, c = Double(k % 28) - 14
            let ring = abs((r * r + c * c).squareRoot() - 6) < 1.6 && r < 6
            let stem = abs(c - 5.5) < 1.5 && r >= 0 && r < 16
            return ring || stem ? 1 : 0
        }
    }

    static func images() -> Figure {
        let digit = syntheticDigit()
        let saliency = (0..<784).map { k -> Double in
            let r = Double(k / 28) - 9, c = Double(k % 28) - 15
            return exp(-(r * r + c * c) / 40) * (0.6 + 0.4 * sin(Double(k)))
        }
        func panel(_ title: String, _ values: [Double], _ map: Colormap, bar: Bool) -> Axes {
            var a = Axes(title: title)
            a.series = [.image(ImageSeries(values: values, rows: 28, columns: 28, colormap: map,
                                           range: 0...1))]
            a.showAxes = false
            if bar { a.colorBar = ColorBar(colormap: map, range: 0...1) }
            return a
        }
        return Figure(width: 9, height: 3.4, title: "Image panels: gray, hot, viridis", rows: 1,
                      columns: 3,
                      panels: [panel("input (gray)", digit, .gray, bar: false),
                               panel("saliency (hot)", saliency, .hot, bar: true),
                               panel("viridis", saliency.map { 1 - $0 }, .viridis, bar: true)])
    }

    static func bars() -> Figure {
        var axes = Axes(title: "F1 under 7×7 occlusion", xLabel: "hidden size",
                        yLabel: "F1 (mean ± std over seeds)")
        axes.series = [.bars(BarSeries(categories: ["24", "48", "64"],
                                       values: [0.848, 0.860, 0.862], errors: [0.010, 0.008, 0.007],
                                       colors: Palette.sequential(3, from: 0.25, to: 0.75),
                                       valueFormat: "%.3f"))]
        axes.yLimits = 0.80...0.90
        axes.grid = true
        return Figure(width: 5, height: 4.2, axes)
    }

    static func multipanel() -> Figure {
        let epochs = (1...100).map(Double.init)
        var loss = Axes(title: "loss (log y)", xLabel: "epoch", yLabel: "BCE loss")
        loss.yScale = .log10
        loss.series = [4, 24, 64].map { h in
            .line(LineSeries(x: epochs, y: epochs.map { 0.7 * exp(-$0 * Double(h) / 900) + 0.01 },
                             label: "h = \(h)"))
        }
        var f1 = Axes(title: "F1", xLabel: "epoch", yLabel: "F1")
        f1.series = [4, 24, 64].map { h in
            .line(LineSeries(x: epochs, y: epochs.map { 0.95 - 0.5 * exp(-$0 * Double(h) / 600) },
                             label: "h = \(h)"))
        }
        var noise = Axes(title: "Gaussian noise", xLabel: "σ", yLabel: "F1")
        let sigmas = [0.1, 0.2, 0.3, 0.4, 0.5]
        noise.series = [
            .errorBars(ErrorBarSeries(x: sigmas, y: [0.88, 0.85, 0.80, 0.74, 0.67],
                                      error: [0.01, 0.012, 0.015, 0.02, 0.02], label: "h = 24")),
            .errorBars(ErrorBarSeries(x: sigmas, y: [0.92, 0.90, 0.87, 0.82, 0.77],
                                      error: [0.008, 0.01, 0.012, 0.015, 0.02], label: "h = 64",
                                      marker: .square)),
        ]
        var image = Axes(title: "digit")
        image.series = [.image(ImageSeries(values: syntheticDigit(), rows: 28, columns: 28))]
        image.showAxes = false
        return Figure(width: 9, height: 7, title: "Several panels in one figure", rows: 2,
                      columns: 2, panels: [loss, f1, noise, image])
    }
}
