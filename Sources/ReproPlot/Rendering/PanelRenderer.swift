import CCairo
import Foundation

/// Lays out and draws one `Axes` inside a cell of the figure.
struct PanelRenderer {
    let axes: Axes
    let canvas: CairoCanvas
    let style: PlotStyle

    func draw(in cell: Rect) {
        let series = axes.resolvedSeries
        let xRange = AxisLimits.x(axes), yRange = AxisLimits.y(axes)
        let xTicks = axes.showAxes ? PanelTicks.x(axes, range: xRange) : []
        let yTicks = axes.showAxes ? PanelTicks.y(axes, range: yRange) : []
        let legends = legendsToDraw()
        let legendSize = legends.isEmpty ? nil : LegendRenderer(canvas: canvas,
                                                                style: style).size(of: legends)

        var plot = plotRect(in: cell, yTicks: yTicks,
                            reserveRight: rightReservation(outsideLegend: nil))
        var placement = axes.legend
        if let legendSize, placement == .best {
            let transform = transformFor(plot, xRange, yRange)
            placement = LegendPlacer.best(size: legendSize, in: plot,
                                          points: samplePoints(series, transform))
        }
        if let legendSize, placement == .outsideRight {
            plot = plotRect(in: cell, yTicks: yTicks,
                            reserveRight: rightReservation(outsideLegend: legendSize.width))
        }
        if axes.isCellGrid { plot = squareCells(plot, xRange, yRange) }
        let transform = transformFor(plot, xRange, yRange)

        if axes.grid && axes.showAxes && !axes.isCellGrid { drawGrid(transform, xTicks, yTicks) }
        canvas.clip(to: plot)
        for s in series {
            SeriesRenderer(canvas: canvas, style: style, transform: transform).draw(s)
        }
        canvas.unclip()
        if axes.showAxes { drawFrameAndTicks(transform, xTicks, yTicks) }
        drawLabels(transform, cell: cell)
        if let bar = axes.colorBar {
            ColorBarRenderer(canvas: canvas, style: style).draw(bar, beside: plot)
        }
        if let legendSize, placement != .hidden {
            let box = LegendPlacer.rect(for: placement, size: legendSize, in: plot)
            LegendRenderer(canvas: canvas, style: style).draw(legends, in: box)
        }
    }

    private func legendsToDraw() -> [Legend] {
        guard axes.legend != .hidden else { return [] }
        let entries = axes.legendEntries
        return (entries.isEmpty ? [] : [Legend(title: axes.legendTitle, entries: entries)])
               + axes.extraLegends
    }

    private func transformFor(_ plot: Rect, _ x: ClosedRange<Double>,
                              _ y: ClosedRange<Double>) -> PanelTransform {
        PanelTransform(plot: plot, x: x, y: y, xScale: axes.xScale, yScale: axes.yScale,
                       yInverted: axes.isCellGrid, xReversed: axes.xReversed)
    }

    /// Space on the right for a colour bar and/or an outside legend.
    private func rightReservation(outsideLegend: Double?) -> Double {
        var width = style.pad
        if let bar = axes.colorBar {
            let labels = ColorBarRenderer.ticks(bar).map {
                canvas.measure($0.label, size: style.tickFont).width
            }
            width += 10 + style.colorBarWidth + style.tickLength + 3 + (labels.max() ?? 0)
            if bar.label != nil { width += style.labelFont + 6 }
        }
        if let outsideLegend { width += outsideLegend + 10 }
        return width
    }

    private func plotRect(in cell: Rect, yTicks: [Tick], reserveRight: Double) -> Rect {
        let tickText = canvas.measure("0", size: style.tickFont).height
        var left = style.pad, bottom = style.pad, top = style.pad
        if axes.showAxes {
            left += (yTicks.map { canvas.measure($0.label, size: style.tickFont).width }.max() ?? 0)
                    + style.tickLength + 3
            bottom += tickText + style.tickLength + 3
        }
        if axes.yLabel != nil { left += style.labelFont + 6 }
        if axes.xLabel != nil { bottom += style.labelFont + 6 }
        if axes.title != nil { top += style.titleFont + 8 }
        return Rect(x: cell.minX + left, y: cell.minY + top,
                    width: max(10, cell.width - left - reserveRight),
                    height: max(10, cell.height - top - bottom))
    }

    /// Square cells for heatmaps and images: shrink one side and centre.
    private func squareCells(_ plot: Rect, _ x: ClosedRange<Double>,
                             _ y: ClosedRange<Double>) -> Rect {
        let columns = x.upperBound - x.lowerBound, rows = y.upperBound - y.lowerBound
        guard case .image = axes.series.first(where: {
            if case .image = $0 { return true }
            return false
        }) else {
            return plot   // heatmap cells may be rectangular, like matplotlib's `aspect="auto"`
        }
        let cell = min(plot.width / columns, plot.height / rows)
        let width = cell * columns, height = cell * rows
        return Rect(x: plot.minX + (plot.width - width) / 2,
                    y: plot.minY + (plot.height - height) / 2, width: width, height: height)
    }

    private func drawGrid(_ t: PanelTransform, _ xTicks: [Tick], _ yTicks: [Tick]) {
        for tick in xTicks {
            let x = t.px(tick.value)
            canvas.line(Point(x, t.plot.minY), Point(x, t.plot.maxY), .gridLine, width: 0.6)
        }
        for tick in yTicks {
            let y = t.py(tick.value)
            canvas.line(Point(t.plot.minX, y), Point(t.plot.maxX, y), .gridLine, width: 0.6)
        }
    }

    private func drawFrameAndTicks(_ t: PanelTransform, _ xTicks: [Tick], _ yTicks: [Tick]) {
        let plot = t.plot
        canvas.stroke(plot, .ink, width: style.spineWidth)
        let below = plot.maxY + style.tickLength + 2
        let shownX = PanelTicks.thinned(xTicks, position: { t.px($0.value) },
                                        extent: { canvas.measure($0.label,
                                                                 size: style.tickFont).width })
        for tick in xTicks {
            let x = t.px(tick.value)
            canvas.line(Point(x, plot.maxY), Point(x, plot.maxY + style.tickLength), .ink,
                        width: style.spineWidth)
        }
        for tick in shownX {
            canvas.text(tick.label, at: Point(t.px(tick.value), below), size: style.tickFont,
                        h: .center, v: .top)
        }
        let height = canvas.measure("0", size: style.tickFont).height
        let shownY = PanelTicks.thinned(yTicks, gap: 2, position: { t.py($0.value) },
                                        extent: { _ in height })
        for tick in yTicks {
            let y = t.py(tick.value)
            canvas.line(Point(plot.minX - style.tickLength, y), Point(plot.minX, y), .ink,
                        width: style.spineWidth)
        }
        for tick in shownY {
            canvas.text(tick.label, at: Point(plot.minX - style.tickLength - 3, t.py(tick.value)),
                        size: style.tickFont, h: .right, v: .middle)
        }
        if axes.xScale == .log10 {
            for v in TickGenerator.logMinor(low: t.x.lowerBound, high: t.x.upperBound) {
                canvas.line(Point(t.px(v), plot.maxY), Point(t.px(v), plot.maxY + 2), .ink,
                            width: 0.6)
            }
        }
        if axes.yScale == .log10 {
            for v in TickGenerator.logMinor(low: t.y.lowerBound, high: t.y.upperBound) {
                canvas.line(Point(plot.minX - 2, t.py(v)), Point(plot.minX, t.py(v)), .ink,
                            width: 0.6)
            }
        }
    }

    private func drawLabels(_ t: PanelTransform, cell: Rect) {
        let plot = t.plot
        if let title = axes.title {
            let (text, size) = canvas.fitting(title, width: cell.width - 4, size: style.titleFont)
            let x = min(max(plot.center.x,
                            cell.minX + canvas.measure(text, size: size).width / 2 + 2),
                        cell.maxX - canvas.measure(text, size: size).width / 2 - 2)
            canvas.text(text, at: Point(x, plot.minY - 7), size: size, h: .center, v: .bottom)
        }
        let tickText = axes.showAxes ? canvas.measure("0", size: style.tickFont).height
                       + style.tickLength + 3 : 0
        if let label = axes.xLabel {
            canvas.text(label, at: Point(plot.center.x, plot.maxY + tickText + 5),
                        size: style.labelFont, h: .center, v: .top)
        }
        if let label = axes.yLabel {
            let widest = axes.showAxes ? (PanelTicks.y(axes, range: t.y).map {
                canvas.measure($0.label, size: style.tickFont).width
            }.max() ?? 0) : 0
            let x = plot.minX - style.tickLength - 3 - widest - 6
            canvas.text(label, at: Point(x, plot.center.y), size: style.labelFont, h: .center,
                        v: .bottom, angle: -.pi / 2)
        }
    }

    /// Points a legend should avoid: markers, line vertices and points along each segment.
    func samplePoints(_ series: [Series], _ t: PanelTransform) -> [Point] {
        func along(_ xs: [Double], _ ys: [Double]) -> [Point] {
            var points: [Point] = []
            for i in xs.indices {
                points.append(t.point(xs[i], ys[i]))
                if i + 1 < xs.count {
                    let a = t.point(xs[i], ys[i]), b = t.point(xs[i + 1], ys[i + 1])
                    for k in 1..<6 {
                        let f = Double(k) / 6
                        points.append(Point(a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f))
                    }
                }
            }
            return points
        }
        return series.flatMap { s -> [Point] in
            switch s {
            case .line(let l): return along(l.x, l.y)
            case .errorBars(let e):
                return along(e.x, e.y) + e.x.indices.flatMap {
                    [t.point(e.x[$0], e.y[$0] - e.error[$0]),
                     t.point(e.x[$0], e.y[$0] + e.error[$0])]
                }
            case .scatter(let sc): return sc.x.indices.map { t.point(sc.x[$0], sc.y[$0]) }
            case .bars(let b): return b.values.indices.flatMap { i in
                    stride(from: t.y.lowerBound, through: b.values[i],
                           by: max((b.values[i] - t.y.lowerBound) / 8, 1e-12))
                        .map { t.point(Double(i), $0) }
                }
            case .band, .heatmap, .image: return []
            }
        }.filter { t.plot.contains($0) }
    }
}
