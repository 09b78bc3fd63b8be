/// One panel: its scales, limits, labels, series, legend and colour bar. Knows nothing of Cairo.
public struct Axes: Sendable {
    public var title: String?
    public var xLabel: String?
    public var yLabel: String?
    public var xScale: Scale = .linear
    /// Draw the x axis from its high end (left) to its low end (right), e.g. a share of weights
    /// that shrinks as sparsity grows.
    public var xReversed: Bool = false
    public var yScale: Scale = .linear
    /// Fixed limits; nil means data range plus a 5 % margin (as matplotlib does).
    public var xLimits: ClosedRange<Double>?
    public var yLimits: ClosedRange<Double>?
    /// Explicit ticks (e.g. hidden sizes or categories) instead of the generated ones.
    public var xTicks: [Tick]?
    public var yTicks: [Tick]?
    public var series: [Series] = []
    public var legend: LegendPlacement = .best
    public var legendTitle: String?
    /// Extra legends drawn below the series legend (e.g. the marker-size key of a scatter).
    public var extraLegends: [Legend] = []
    public var grid: Bool = true
    public var colorBar: ColorBar?
    /// Hide ticks, labels and spines (image panels).
    public var showAxes: Bool = true

    public init(title: String? = nil, xLabel: String? = nil, yLabel: String? = nil,
                series: [Series] = []) {
        self.title = title; self.xLabel = xLabel; self.yLabel = yLabel; self.series = series
    }

    /// The series with every unset colour filled from the categorical palette, in order.
    public var resolvedSeries: [Series] {
        var next = 0
        func take(_ color: Color?) -> Color {
            if let color { return color }
            defer { next += 1 }
            return Palette.color(next)
        }
        return series.map { s in
            switch s {
            case .line(var l): l.color = take(l.color); return .line(l)
            case .errorBars(var e): e.color = take(e.color); return .errorBars(e)
            case .band(var b): b.color = b.color ?? Palette.color(max(next - 1, 0)); return .band(b)
            case .bars(var b):
                if b.colors.isEmpty { b.colors = [take(nil)] }
                return .bars(b)
            default: return s
            }
        }
    }

    /// Legend entries of the labelled series.
    public var legendEntries: [LegendEntry] {
        resolvedSeries.compactMap { s in
            switch s {
            case .line(let l): return l.label.map {
                LegendEntry(.line(l.color!, l.marker, dashed: !l.dash.isEmpty), $0)
            }
            case .errorBars(let e): return e.label.map {
                LegendEntry(.line(e.color!, e.marker, dashed: false), $0)
            }
            case .band(let b): return b.label.map {
                LegendEntry(.patch(b.color!.withAlpha(b.opacity)), $0)
            }
            case .scatter(let sc): return sc.label.map {
                LegendEntry(.marker(sc.colors[0], sc.marker, size: 7), $0)
            }
            case .bars(let b): return b.label.map { LegendEntry(.patch(b.colors[0]), $0) }
            case .heatmap, .image: return nil
            }
        }
    }

    /// Whether the panel is a grid of cells (heatmap or image): categorical axes, row 0 on top.
    var isCellGrid: Bool {
        series.contains {
            if case .heatmap = $0 { return true }; if case .image = $0 { return true }; return false
        }
    }
}
