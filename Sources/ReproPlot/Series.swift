/// A line through points, optionally with markers. `color: nil` takes the next palette colour.
public struct LineSeries: Sendable {
    public var x: [Double]
    public var y: [Double]
    public var label: String?
    public var color: Color?
    public var width: Double = 1.5
    public var dash: [Double] = []
    public var marker: Marker = .none
    public var markerSize: Double = 5

    public init(x: [Double], y: [Double], label: String? = nil, color: Color? = nil,
                width: Double = 1.5,
                dash: [Double] = [], marker: Marker = .none, markerSize: Double = 5) {
        precondition(x.count == y.count, "line: x and y differ in length")
        self.x = x; self.y = y; self.label = label; self.color = color; self.width = width
        self.dash = dash; self.marker = marker; self.markerSize = markerSize
    }
}

/// Points with symmetric error bars (e.g. mean ± std), capped, optionally joined by a line.
public struct ErrorBarSeries: Sendable {
    public var x: [Double]
    public var y: [Double]
    public var error: [Double]
    public var label: String?
    public var color: Color?
    public var marker: Marker = .circle
    public var markerSize: Double = 4.5
    public var capSize: Double = 3
    public var lineWidth: Double = 1.5
    public var connect: Bool = true

    public init(x: [Double], y: [Double], error: [Double], label: String? = nil,
                color: Color? = nil,
                marker: Marker = .circle, markerSize: Double = 4.5, capSize: Double = 3,
                lineWidth: Double = 1.5, connect: Bool = true) {
        precondition(x.count == y.count && y.count == error.count,
                     "error bars: x, y and error differ in length")
        self.x = x; self.y = y; self.error = error; self.label = label; self.color = color
        self.marker = marker
        self.markerSize = markerSize
        self.capSize = capSize
        self.lineWidth = lineWidth
        self.connect = connect
    }
}

/// A shaded region between two curves (e.g. mean ± std around a line).
public struct BandSeries: Sendable {
    public var x: [Double]
    public var lower: [Double]
    public var upper: [Double]
    public var color: Color?
    public var opacity: Double = 0.2
    public var label: String?

    public init(x: [Double], lower: [Double], upper: [Double], color: Color? = nil,
                opacity: Double = 0.2, label: String? = nil) {
        precondition(x.count == lower.count && x.count == upper.count,
                     "band: x, lower and upper differ in length")
        self.x = x
        self.lower = lower
        self.upper = upper
        self.color = color
        self.opacity = opacity
        self.label = label
    }
}

/// Points coloured per point and sized per point (diameter in points).
public struct ScatterSeries: Sendable {
    public var x: [Double]
    public var y: [Double]
    public var colors: [Color]
    public var sizes: [Double]
    public var label: String?
    public var opacity: Double = 0.85
    public var marker: Marker = .circle

    public init(x: [Double], y: [Double], colors: [Color], sizes: [Double], label: String? = nil,
                opacity: Double = 0.85, marker: Marker = .circle) {
        precondition(x.count == y.count && (colors.count == x.count || colors.count == 1)
                     && (sizes.count == x.count || sizes.count == 1),
                     "scatter: x, y, colors and sizes differ in length")
        self.x = x; self.y = y; self.colors = colors; self.sizes = sizes; self.label = label
        self.opacity = opacity; self.marker = marker
    }

    func color(_ i: Int) -> Color { colors.count == 1 ? colors[0] : colors[i] }
    func size(_ i: Int) -> Double { sizes.count == 1 ? sizes[0] : sizes[i] }
}

/// Bars at categories 0, 1, 2 …, optionally with error bars and the value written above each bar.
public struct BarSeries: Sendable {
    public var categories: [String]
    public var values: [Double]
    public var errors: [Double]?
    public var colors: [Color]
    public var valueFormat: String?
    public var width: Double = 0.6
    public var label: String?

    public init(categories: [String], values: [Double], errors: [Double]? = nil,
                colors: [Color] = [],
                valueFormat: String? = nil, width: Double = 0.6, label: String? = nil) {
        precondition(categories.count == values.count && (errors?.count ?? values.count)
                     == values.count, "bars: lengths differ")
        self.categories = categories
        self.values = values
        self.errors = errors
        self.colors = colors
        self.valueFormat = valueFormat; self.width = width; self.label = label
    }
}

/// A matrix of values drawn as coloured cells (row 0 at the top), each optionally annotated.
public struct HeatmapSeries: Sendable {
    public var values: [[Double]]
    public var rowLabels: [String]
    public var columnLabels: [String]
    public var colormap: Colormap
    public var range: ClosedRange<Double>?
    /// printf-style format for the value in each cell (e.g. "%.2f"); nil writes nothing.
    public var valueFormat: String?

    public init(values: [[Double]], rowLabels: [String], columnLabels: [String],
                colormap: Colormap = .viridis,
                range: ClosedRange<Double>? = nil, valueFormat: String? = "%.2f") {
        precondition(values.count == rowLabels.count
                     && values.allSatisfy { $0.count == columnLabels.count },
                     "heatmap: labels do not match the matrix")
        self.values = values; self.rowLabels = rowLabels; self.columnLabels = columnLabels
        self.colormap = colormap; self.range = range; self.valueFormat = valueFormat
    }

    public var resolvedRange: ClosedRange<Double> { range ?? ValueRange.of(values.flatMap { $0 }) }
}

/// A grey-scale or colour-mapped image (e.g. a 28 × 28 digit or saliency map), row 0 at the top.
public struct ImageSeries: Sendable {
    public var values: [Double]
    public var rows: Int
    public var columns: Int
    public var colormap: Colormap
    public var range: ClosedRange<Double>?

    public init(values: [Double], rows: Int, columns: Int, colormap: Colormap = .gray,
                range: ClosedRange<Double>? = nil) {
        precondition(values.count == rows * columns,
                     "image: \(values.count) values for \(rows)×\(columns)")
        self.values = values
        self.rows = rows
        self.columns = columns
        self.colormap = colormap
        self.range = range
    }

    public var resolvedRange: ClosedRange<Double> { range ?? ValueRange.of(values) }
}

/// Everything an `Axes` can draw.
public enum Series: Sendable {
    case line(LineSeries)
    case errorBars(ErrorBarSeries)
    case band(BandSeries)
    case scatter(ScatterSeries)
    case bars(BarSeries)
    case heatmap(HeatmapSeries)
    case image(ImageSeries)
}

enum ValueRange {
    /// The finite minimum … maximum of `values` (0 … 1 when there are none; widened when flat).
    static func of(_ values: [Double]) -> ClosedRange<Double> {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return 0...1 }
        return low < high ? low...high : (low - 0.5)...(high + 0.5)
    }
}
