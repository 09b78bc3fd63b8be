/// A vertical colour scale to the right of a panel, with nice ticks and an optional label.
struct ColorBarRenderer {
    let canvas: CairoCanvas
    let style: PlotStyle

    static func ticks(_ bar: ColorBar) -> [Tick] {
        TickGenerator.linear(low: bar.range.lowerBound, high: bar.range.upperBound, target: 5)
    }

    func draw(_ bar: ColorBar, beside plot: Rect) {
        let rect = Rect(x: plot.maxX + 10, y: plot.minY, width: style.colorBarWidth,
                        height: plot.height)
        let steps = 256
        for k in 0..<steps {
            let y0 = rect.maxY - rect.height * Double(k + 1) / Double(steps)
            canvas.fill(Rect(x: rect.minX, y: y0 - 0.3, width: rect.width,
                             height: rect.height / Double(steps) + 0.6),
                        bar.colormap.interpolate((Double(k) + 0.5) / Double(steps)))
        }
        canvas.stroke(rect, .ink, width: style.spineWidth)
        let low = bar.range.lowerBound, span = bar.range.upperBound - bar.range.lowerBound
        var widest = 0.0
        for tick in Self.ticks(bar) {
            let y = rect.maxY - (span > 0 ? (tick.value - low) / span : 0.5) * rect.height
            canvas.line(Point(rect.maxX, y), Point(rect.maxX + style.tickLength, y), .ink,
                        width: style.spineWidth)
            canvas.text(tick.label, at: Point(rect.maxX + style.tickLength + 3, y),
                        size: style.tickFont, v: .middle)
            widest = max(widest, canvas.measure(tick.label, size: style.tickFont).width)
        }
        if let label = bar.label {
            let x = rect.maxX + style.tickLength + 3 + widest + 6
            canvas.text(label, at: Point(x, rect.center.y), size: style.labelFont, h: .center,
                        v: .top, angle: -.pi / 2)
        }
    }
}
