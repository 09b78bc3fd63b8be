import ReproPlot

/// One panel of mean-over-seeds lines, each with its ± std band (drawn only where some point
/// averages several seeds), and the dense base marked by a dotted vertical line. Every line
/// figure of paper 2 is built from these.
struct CurvePanel {
    var axes: Axes

    init(title: String?, yLabel: String) {
        axes = Axes(title: title, yLabel: yLabel)
    }

    /// A panel over the family's sparsity axis.
    init(title: String?, yLabel: String, axis: SparsityAxis) {
        self.init(title: title, yLabel: yLabel)
        axis.configure(&axes)
    }

    /// The dashed style of reference lines (clean accuracy, the static family).
    static let dashed: [Double] = [5, 3]
    static let reference = Color.ink

    /// Adds a line (and its band); an empty curve adds nothing.
    /// Set the y scale first: on a log scale, points ≤ 0 are left out and a band reaching
    /// below zero is cut at a twentieth of its mean.
    mutating func add(_ curve: SeedCurve, label: String?, color: Color, dash: [Double] = [],
                      marker: Marker = .circle) {
        let log = axes.yScale == .log10
        let kept = curve.x.indices.filter {
            axes.xScale.accepts(curve.x[$0]) && axes.yScale.accepts(curve.mean[$0])
        }
        guard !kept.isEmpty else { return }
        let x = kept.map { curve.x[$0] }, mean = kept.map { curve.mean[$0] }
        let std = kept.map { curve.std[$0] }
        if curve.hasSpread {
            let lower = zip(mean, std).map { log ? max($0 - $1, $0 / 20) : $0 - $1 }
            axes.series.append(.band(BandSeries(x: x, lower: lower,
                                                upper: zip(mean, std).map { $0 + $1 },
                                                color: color, opacity: 0.15)))
        }
        axes.series.append(.line(LineSeries(x: x, y: mean, label: label, color: color,
                                            dash: dash, marker: marker, markerSize: 4.5)))
    }

    /// Fixes the y range to the data, then draws the dense base across it as a dotted line.
    mutating func markBase(at x: Double, label: String) {
        let y = lineRange()
        axes.yLimits = y
        axes.series.append(.line(LineSeries(x: [x, x], y: [y.lowerBound, y.upperBound],
                                            label: label, color: Color(hex: "#7f7f7f"),
                                            width: 1.2, dash: [1.5, 2.5])))
    }

    mutating func markBase(_ axis: SparsityAxis) { markBase(at: axis.base, label: axis.baseLabel) }

    /// The data's y range (bands included), padded as the renderer would pad it.
    private func lineRange() -> ClosedRange<Double> {
        let values = axes.series.flatMap { s -> [Double] in
            switch s {
            case .line(let l): return l.y
            case .band(let b): return b.lower + b.upper
            default: return []
            }
        }
        return AxisLimits.padded(values, scale: axes.yScale)
    }

    /// `count` colours for ordered settings (σ, ε): dark to light along viridis.
    static func settingColors(_ count: Int) -> [Color] {
        Palette.sequential(count, colormap: .viridis, from: 0, to: 0.85)
    }

    /// `count` colours for sizes, dense (blue) to sparse (red), skipping coolwarm's pale middle.
    static func sizeColors(_ count: Int) -> [Color] {
        guard count > 1 else { return [Colormap.coolwarm(0)] }
        return (0..<count).map { i in
            let t = Double(i) / Double(count - 1)
            return Colormap.coolwarm(t < 0.5 ? 0.7 * t : 0.3 + 0.7 * t)
        }
    }
}
