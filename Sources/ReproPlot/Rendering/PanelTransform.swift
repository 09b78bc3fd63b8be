/// Maps data coordinates of one panel to figure points.
struct PanelTransform {
    var plot: Rect
    var x: ClosedRange<Double>
    var y: ClosedRange<Double>
    var xScale: Scale
    var yScale: Scale
    /// Row 0 at the top (heatmaps and images).
    var yInverted: Bool
    /// High x values on the left.
    var xReversed = false

    func px(_ v: Double) -> Double {
        let f = xScale.fraction(v, low: x.lowerBound, high: x.upperBound)
        return plot.minX + (xReversed ? 1 - f : f) * plot.width
    }

    func py(_ v: Double) -> Double {
        let f = yScale.fraction(v, low: y.lowerBound, high: y.upperBound)
        return yInverted ? plot.minY + f * plot.height : plot.maxY - f * plot.height
    }

    func point(_ x: Double, _ y: Double) -> Point { Point(px(x), py(y)) }
}
