import CCairo
import Foundation

/// Draws one series in data coordinates through a panel's transform.
struct SeriesRenderer {
    let canvas: CairoCanvas
    let style: PlotStyle
    let transform: PanelTransform

    func draw(_ series: Series) {
        switch series {
        case .band(let b): drawBand(b)
        case .line(let l): drawLine(l)
        case .errorBars(let e): drawErrorBars(e)
        case .scatter(let s): drawScatter(s)
        case .bars(let b): drawBars(b)
        case .heatmap(let h): drawHeatmap(h)
        case .image(let i): drawImage(i)
        }
    }

    private func points(_ x: [Double], _ y: [Double]) -> [Point] {
        zip(x, y).map { transform.point($0, $1) }
    }

    private func drawBand(_ b: BandSeries) {
        let upper = points(b.x, b.upper), lower = points(b.x, b.lower)
        canvas.polygon(upper + lower.reversed(), b.color!.withAlpha(b.opacity))
    }

    private func drawLine(_ l: LineSeries) {
        let p = points(l.x, l.y)
        canvas.polyline(p, l.color!, width: l.width, dash: l.dash)
        for q in p {
            canvas.marker(l.marker, at: q, size: l.markerSize, fill: l.color!, edge: .white,
                          edgeWidth: 0.5)
        }
    }

    private func drawErrorBars(_ e: ErrorBarSeries) {
        let color = e.color!
        let centers = points(e.x, e.y)
        if e.connect { canvas.polyline(centers, color, width: e.lineWidth) }
        for i in e.x.indices where e.error[i].isFinite {
            let top = transform.point(e.x[i], e.y[i] + e.error[i]),
                bottom = transform.point(e.x[i], e.y[i] - e.error[i])
            canvas.line(top, bottom, color, width: 1)
            canvas.line(Point(top.x - e.capSize, top.y), Point(top.x + e.capSize, top.y), color,
                        width: 1)
            canvas.line(Point(bottom.x - e.capSize, bottom.y),
                        Point(bottom.x + e.capSize, bottom.y), color, width: 1)
        }
        for c in centers {
            canvas.marker(e.marker, at: c, size: e.markerSize, fill: color, edge: .white,
                          edgeWidth: 0.5)
        }
    }

    private func drawScatter(_ s: ScatterSeries) {
        for i in s.x.indices {
            canvas.marker(s.marker, at: transform.point(s.x[i], s.y[i]), size: s.size(i),
                          fill: s.color(i).withAlpha(s.opacity), edge: Color.white.withAlpha(0.8),
                          edgeWidth: 0.4)
        }
    }

    private func drawBars(_ b: BarSeries) {
        let baseline = max(0, transform.y.lowerBound)
        for i in b.values.indices {
            let color = b.colors.isEmpty ? Palette.color(i) : b.colors[i % b.colors.count]
            let left = transform.px(Double(i) - b.width / 2),
                right = transform.px(Double(i) + b.width / 2)
            let top = transform.py(b.values[i]), bottom = transform.py(baseline)
            canvas.fill(Rect(x: left, y: min(top, bottom), width: right - left,
                             height: abs(bottom - top)), color)
            var labelY = b.values[i]
            if let errors = b.errors, errors[i].isFinite {
                let hi = transform.py(b.values[i] + errors[i]),
                    lo = transform.py(b.values[i] - errors[i])
                let x = transform.px(Double(i)), cap = (right - left) * 0.15
                canvas.line(Point(x, hi), Point(x, lo), .ink, width: 1.2)
                canvas.line(Point(x - cap, hi), Point(x + cap, hi), .ink, width: 1.2)
                canvas.line(Point(x - cap, lo), Point(x + cap, lo), .ink, width: 1.2)
                labelY += errors[i]
            }
            if let format = b.valueFormat {
                canvas.text(NumberText.format(format, b.values[i]),
                            at: Point(transform.px(Double(i)), transform.py(labelY) - 3),
                            size: style.tickFont, h: .center, v: .bottom)
            }
        }
    }

    private func drawHeatmap(_ h: HeatmapSeries) {
        let range = h.resolvedRange
        for (r, row) in h.values.enumerated() {
            for (c, value) in row.enumerated() {
                let x0 = transform.px(Double(c) - 0.5), x1 = transform.px(Double(c) + 0.5)
                let y0 = transform.py(Double(r) - 0.5), y1 = transform.py(Double(r) + 0.5)
                let color = h.colormap.color(value, low: range.lowerBound, high: range.upperBound)
                // A hair of overlap hides anti-aliasing seams between neighbouring cells.
                canvas.fill(Rect(x: min(x0, x1) - 0.25, y: min(y0, y1) - 0.25,
                                 width: abs(x1 - x0) + 0.5, height: abs(y1 - y0) + 0.5), color)
                if let format = h.valueFormat, value.isFinite {
                    let size = min(style.tickFont, abs(y1 - y0) * 0.6, abs(x1 - x0) * 0.3)
                    canvas.text(NumberText.format(format, value),
                                at: Point((x0 + x1) / 2, (y0 + y1) / 2), size: size,
                                color: color.contrastingText, h: .center, v: .middle)
                }
            }
        }
    }

    /// Images go through a Cairo image surface painted with nearest-neighbour filtering: crisp
    /// pixels in PNG and a real image (not 784 rectangles) in PDF and SVG.
    private func drawImage(_ image: ImageSeries) {
        let range = image.resolvedRange
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(image.columns),
                                                       Int32(image.rows)) else {
            return
        }
        defer { cairo_surface_destroy(surface) }
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = cairo_image_surface_get_data(surface)!
        for r in 0..<image.rows {
            for c in 0..<image.columns {
                let color = image.colormap.color(image.values[r * image.columns + c],
                                                 low: range.lowerBound, high: range.upperBound)
                let pixel = UInt32(255) << 24 | UInt32((color.red * 255).rounded()) << 16
                    | UInt32((color.green * 255).rounded()) << 8
                    | UInt32((color.blue * 255).rounded())
                (data + r * stride).withMemoryRebound(to: UInt32.self, capacity: image.columns) {
                    $0[c] = pixel
                }
            }
        }
        cairo_surface_mark_dirty(surface)
        let cr = canvas.cr
        let x0 = transform.px(-0.5), y0 = transform.py(-0.5)
        let x1 = transform.px(Double(image.columns) - 0.5),
            y1 = transform.py(Double(image.rows) - 0.5)
        cairo_save(cr)
        cairo_translate(cr, min(x0, x1), min(y0, y1))
        cairo_scale(cr, abs(x1 - x0) / Double(image.columns), abs(y1 - y0) / Double(image.rows))
        cairo_set_source_surface(cr, surface, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_NEAREST)
        cairo_paint(cr)
        cairo_restore(cr)
    }
}
