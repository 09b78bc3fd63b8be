import CCairo

/// Text anchoring: which point of the text's box sits at the given position.
enum HorizontalAnchor { case left, center, right }
enum VerticalAnchor { case top, middle, baseline, bottom }

/// The only place that speaks Cairo: strokes, fills, markers and DejaVu Sans text, in points.
final class CairoCanvas {
    let cr: OpaquePointer
    static let fontFamily = "DejaVu Sans"

    init(_ cr: OpaquePointer) {
        self.cr = cr
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
    }

    func setColor(_ c: Color) { cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha) }

    func fill(_ r: Rect, _ color: Color) {
        setColor(color)
        cairo_rectangle(cr, r.x, r.y, r.width, r.height)
        cairo_fill(cr)
    }

    func stroke(_ r: Rect, _ color: Color, width: Double) {
        setColor(color)
        cairo_set_line_width(cr, width)
        cairo_rectangle(cr, r.x, r.y, r.width, r.height)
        cairo_stroke(cr)
    }

    func roundedRect(_ r: Rect, radius: Double, fill: Color, stroke: Color, width: Double) {
        let (x0, y0, x1, y1) = (r.minX, r.minY, r.maxX, r.maxY)
        cairo_new_sub_path(cr)
        cairo_arc(cr, x1 - radius, y0 + radius, radius, -.pi / 2, 0)
        cairo_arc(cr, x1 - radius, y1 - radius, radius, 0, .pi / 2)
        cairo_arc(cr, x0 + radius, y1 - radius, radius, .pi / 2, .pi)
        cairo_arc(cr, x0 + radius, y0 + radius, radius, .pi, 3 * .pi / 2)
        cairo_close_path(cr)
        setColor(fill)
        cairo_fill_preserve(cr)
        setColor(stroke)
        cairo_set_line_width(cr, width)
        cairo_stroke(cr)
    }

    /// A polyline; non-finite points break it into pieces.
    func polyline(_ points: [Point], _ color: Color, width: Double, dash: [Double] = []) {
        setColor(color)
        cairo_set_line_width(cr, width)
        cairo_set_dash(cr, dash, Int32(dash.count), 0)
        var penDown = false
        for p in points {
            guard p.x.isFinite && p.y.isFinite else { penDown = false; continue }
            if penDown {
                cairo_line_to(cr, p.x, p.y)
            } else {
                cairo_move_to(cr, p.x, p.y); penDown = true
            }
        }
        cairo_stroke(cr)
        cairo_set_dash(cr, nil, 0, 0)
    }

    func line(_ a: Point, _ b: Point, _ color: Color, width: Double) {
        polyline([a, b], color, width: width)
    }

    func polygon(_ points: [Point], _ color: Color) {
        guard let first = points.first else { return }
        setColor(color)
        cairo_move_to(cr, first.x, first.y)
        for p in points.dropFirst() { cairo_line_to(cr, p.x, p.y) }
        cairo_close_path(cr)
        cairo_fill(cr)
    }

    /// A marker of diameter `size` centred on `p`, filled with `fill` and edged with `edge`.
    func marker(_ shape: Marker, at p: Point, size: Double, fill: Color, edge: Color? = nil,
                edgeWidth: Double = 0.6) {
        guard shape != .none, p.x.isFinite, p.y.isFinite else { return }
        let r = size / 2
        switch shape {
        case .circle: cairo_arc(cr, p.x, p.y, r, 0, 2 * .pi)
        case .square: cairo_rectangle(cr, p.x - r * 0.89, p.y - r * 0.89, r * 1.78, r * 1.78)
        case .triangle:
            cairo_move_to(cr, p.x, p.y - r * 1.1); cairo_line_to(cr, p.x + r, p.y + r * 0.75)
            cairo_line_to(cr, p.x - r, p.y + r * 0.75); cairo_close_path(cr)
        case .diamond:
            cairo_move_to(cr, p.x, p.y - r * 1.15); cairo_line_to(cr, p.x + r * 0.8, p.y)
            cairo_line_to(cr, p.x, p.y + r * 1.15)
            cairo_line_to(cr, p.x - r * 0.8, p.y)
            cairo_close_path(cr)
        case .cross:
            setColor(fill); cairo_set_line_width(cr, max(1, size / 5))
            cairo_move_to(cr, p.x - r, p.y - r); cairo_line_to(cr, p.x + r, p.y + r)
            cairo_move_to(cr, p.x - r, p.y + r); cairo_line_to(cr, p.x + r, p.y - r)
            cairo_stroke(cr); return
        case .none: return
        }
        setColor(fill)
        if let edge {
            cairo_fill_preserve(cr)
            setColor(edge); cairo_set_line_width(cr, edgeWidth); cairo_stroke(cr)
        } else {
            cairo_fill(cr)
        }
    }

    private func useFont(size: Double, bold: Bool) {
        cairo_select_font_face(cr, Self.fontFamily, CAIRO_FONT_SLANT_NORMAL,
                               bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, size)
    }

    /// Width (advance) and height (ascent + descent) of `text` at `size` points.
    func measure(_ text: String, size: Double, bold: Bool = false) -> Size {
        useFont(size: size, bold: bold)
        var extents = cairo_text_extents_t()
        cairo_text_extents(cr, text, &extents)
        var font = cairo_font_extents_t()
        cairo_font_extents(cr, &font)
        return Size(extents.x_advance, font.ascent + font.descent)
    }

    /// Draws `text` anchored at `p`, rotated by `angle` radians (counter-clockwise is negative
    /// y-up).
    func text(_ text: String, at p: Point, size: Double, color: Color = .ink, bold: Bool = false,
              h: HorizontalAnchor = .left, v: VerticalAnchor = .baseline, angle: Double = 0) {
        guard !text.isEmpty else { return }
        useFont(size: size, bold: bold)
        var extents = cairo_text_extents_t()
        cairo_text_extents(cr, text, &extents)
        var font = cairo_font_extents_t()
        cairo_font_extents(cr, &font)
        let dx: Double = h == .left ? 0 : h == .center ? -extents.x_advance / 2 : -extents.x_advance
        let dy: Double
        switch v {
        case .baseline: dy = 0
        case .top: dy = font.ascent
        case .middle: dy = (font.ascent - font.descent) / 2
        case .bottom: dy = -font.descent
        }
        cairo_save(cr)
        cairo_translate(cr, p.x, p.y)
        if angle != 0 { cairo_rotate(cr, angle) }
        setColor(color)
        cairo_move_to(cr, dx, dy)
        cairo_show_text(cr, text)
        cairo_restore(cr)
    }

    /// The largest size ≤ `size` (down to `minimum`) at which `text` fits in `width` points, and
    /// the text itself, cut with an ellipsis if even `minimum` does not fit.
    func fitting(_ text: String, width: Double, size: Double, minimum: Double = 7,
                 bold: Bool = false) -> (String, Double) {
        var s = size
        while s > minimum && measure(text, size: s, bold: bold).width > width { s -= 0.5 }
        var t = text
        while t.count > 1 && measure(t, size: s, bold: bold).width > width {
            t = String(t.dropLast(2)) + "…"
        }
        return (t, s)
    }

    func clip(to r: Rect) {
        cairo_save(cr)
        cairo_rectangle(cr, r.x, r.y, r.width, r.height)
        cairo_clip(cr)
    }

    func unclip() { cairo_restore(cr) }
}
