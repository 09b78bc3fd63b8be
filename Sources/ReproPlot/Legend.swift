import Foundation

/// Where a legend goes. `.best` picks the inside corner that covers the fewest data points, and
/// moves the legend outside (right of the plot) when every inside place would hide data.
public enum LegendPlacement: String, Sendable, CaseIterable {
    case best, upperRight, upperLeft, lowerLeft, lowerRight, centerRight, centerLeft, upperCenter,
         lowerCenter
    case outsideRight, hidden

    /// The inside places `.best` tries, in matplotlib's order of preference.
    public static let insideCandidates: [LegendPlacement] = [.upperRight, .upperLeft,
                                                             .lowerLeft, .lowerRight,
                                                             .centerRight, .centerLeft,
                                                             .lowerCenter, .upperCenter]
}

/// One line of a legend: a swatch (line, marker, patch) and its text.
public struct LegendEntry: Equatable, Sendable {
    public enum Swatch: Equatable, Sendable {
        case line(Color, Marker, dashed: Bool)
        case patch(Color)
        case marker(Color, Marker, size: Double)
    }
    public var swatch: Swatch
    public var label: String
    public init(_ swatch: Swatch, _ label: String) { self.swatch = swatch; self.label = label }
}

/// A legend: optional title and its entries.
public struct Legend: Equatable, Sendable {
    public var title: String?
    public var entries: [LegendEntry]
    public init(title: String? = nil, entries: [LegendEntry]) {
        self.title = title; self.entries = entries
    }

    /// A key to colours: one round marker per label.
    public static func colors(title: String, labels: [String], colors: [Color]) -> Legend {
        Legend(title: title,
               entries: zip(labels, colors).map { LegendEntry(.marker($1, .circle, size: 7), $0) })
    }

    /// A key to marker sizes: grey markers of `size(value)` for a few sample values.
    public static func sizes(title: String, values: [Double], format: String,
                             size: (Double) -> Double) -> Legend {
        Legend(title: title,
               entries: values.map {
                   LegendEntry(.marker(Color.ink.withAlpha(0.55), .circle, size: size($0)),
                               String(format: format, $0))
               })
    }
}

/// The pure geometry of legend placement, apart from any drawing.
public enum LegendPlacer {
    /// The rectangle a legend of `size` occupies at `placement` inside `plot` (with a margin).
    public static func rect(for placement: LegendPlacement, size: Size, in plot: Rect,
                            margin: Double = 6) -> Rect {
        let left = plot.minX + margin, right = plot.maxX - margin - size.width
        let top = plot.minY + margin, bottom = plot.maxY - margin - size.height
        let midX = plot.center.x - size.width / 2, midY = plot.center.y - size.height / 2
        let (x, y): (Double, Double)
        switch placement {
        case .upperRight, .best: (x, y) = (right, top)
        case .upperLeft: (x, y) = (left, top)
        case .lowerLeft: (x, y) = (left, bottom)
        case .lowerRight: (x, y) = (right, bottom)
        case .centerRight: (x, y) = (right, midY)
        case .centerLeft: (x, y) = (left, midY)
        case .upperCenter: (x, y) = (midX, top)
        case .lowerCenter: (x, y) = (midX, bottom)
        case .outsideRight, .hidden: (x, y) = (plot.maxX + margin, plot.minY)
        }
        return Rect(x: x, y: y, width: size.width, height: size.height)
    }

    /// The inside place covering the fewest `points` (first in preference order on ties), or
    /// `.outsideRight` when every inside place would hide more than 1 % of the points (any point,
    /// below 100 points) and `allowOutside` is set. Dense scatter plots keep their legend inside.
    public static func best(size: Size, in plot: Rect, points: [Point],
                            allowOutside: Bool = true) -> LegendPlacement {
        var choice = LegendPlacement.upperRight
        var fewest = Int.max
        for candidate in LegendPlacement.insideCandidates {
            let box = rect(for: candidate, size: size, in: plot).inset(by: -2)
            let covered = points.reduce(0) { $0 + (box.contains($1) ? 1 : 0) }
            if covered < fewest { fewest = covered; choice = candidate }
        }
        let tolerated = points.count / 100
        return fewest > tolerated && allowOutside ? .outsideRight : choice
    }
}
