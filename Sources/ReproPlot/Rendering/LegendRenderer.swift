/// Measures and draws legends: a rounded box holding each legend's title and entries.
struct LegendRenderer {
    let canvas: CairoCanvas
    let style: PlotStyle

    private var rowHeight: Double { style.legendFont * 1.55 }
    private let swatchWidth = 22.0
    private let padding = 6.0

    func size(of legends: [Legend]) -> Size {
        var width = 0.0, rows = 0
        for legend in legends {
            if let title = legend.title {
                width = max(width, canvas.measure(title, size: style.legendFont, bold: true).width)
                rows += 1
            }
            for entry in legend.entries {
                let label = canvas.measure(entry.label, size: style.legendFont).width
                width = max(width, swatchWidth + 6 + label)
                rows += 1
            }
        }
        let gaps = Double(max(legends.count - 1, 0)) * 4
        return Size(width + 2 * padding, Double(rows) * rowHeight + 2 * padding - 4 + gaps)
    }

    func draw(_ legends: [Legend], in box: Rect) {
        canvas.roundedRect(box, radius: 3, fill: Color.white.withAlpha(0.85),
                           stroke: Color(hex: "#cccccc"), width: 0.8)
        var y = box.minY + padding
        for (k, legend) in legends.enumerated() {
            if k > 0 { y += 4 }
            if let title = legend.title {
                canvas.text(title, at: Point(box.minX + padding, y + rowHeight / 2 - 2),
                            size: style.legendFont, bold: true, v: .middle)
                y += rowHeight
            }
            for entry in legend.entries {
                let mid = y + rowHeight / 2 - 2
                let left = box.minX + padding
                switch entry.swatch {
                case .line(let color, let marker, let dashed):
                    canvas.polyline([Point(left, mid), Point(left + swatchWidth, mid)], color,
                                    width: 1.8, dash: dashed ? [4, 2] : [])
                    canvas.marker(marker, at: Point(left + swatchWidth / 2, mid), size: 5,
                                  fill: color, edge: .white, edgeWidth: 0.5)
                case .patch(let color):
                    canvas.fill(Rect(x: left, y: mid - 4.5, width: swatchWidth, height: 9), color)
                case .marker(let color, let marker, let size):
                    canvas.marker(marker, at: Point(left + swatchWidth / 2, mid), size: size,
                                  fill: color, edge: Color.white.withAlpha(0.8), edgeWidth: 0.4)
                }
                canvas.text(entry.label, at: Point(left + swatchWidth + 6, mid),
                            size: style.legendFont, v: .middle)
                y += rowHeight
            }
        }
    }
}
