import CCairo
import ReproPlot

/// The page layout's pen: DejaVu Sans text, fills, hairlines and figures on one Cairo context,
/// in points with y growing downwards.
///
/// The only type in this module that speaks Cairo for drawing, as `CairoCanvas` is in ReproPlot;
/// figures are handed to `FigureRenderer`, which draws them as vectors.
final class PageCanvas {
    static let fontFamily = "DejaVu Sans"
    let cr: OpaquePointer

    init(_ cr: OpaquePointer) { self.cr = cr }

    /// The advance width of `text` at `size` points.
    func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        useFont(size: size, bold: bold)
        var extents = cairo_text_extents_t()
        cairo_text_extents(cr, text, &extents)
        return extents.x_advance
    }

    /// Draws `text` with its baseline at `p.y`, starting at `p.x` (or centred on it).
    func text(_ text: String, at p: Point, size: Double, color: Color = .ink, bold: Bool = false,
              centred: Bool = false) {
        guard !text.isEmpty else { return }
        let dx = centred ? -width(text, size: size, bold: bold) / 2 : 0
        setColor(color)
        cairo_move_to(cr, p.x + dx, p.y)
        cairo_show_text(cr, text)
    }

    func fill(_ r: Rect, _ color: Color) {
        setColor(color)
        cairo_rectangle(cr, r.x, r.y, r.width, r.height)
        cairo_fill(cr)
    }

    func line(_ a: Point, _ b: Point, _ color: Color, width: Double) {
        setColor(color)
        cairo_set_line_width(cr, width)
        cairo_move_to(cr, a.x, a.y)
        cairo_line_to(cr, b.x, b.y)
        cairo_stroke(cr)
    }

    /// `figure` scaled to fit `rect`, as drawing operations (vectors on a PDF page).
    func figure(_ figure: Figure, in rect: Rect) {
        FigureRenderer.draw(figure, on: cr, in: rect)
    }

    func showPage() { cairo_show_page(cr) }

    /// Lines of `text` no wider than `width` at `size`; a word longer than a line is split.
    func wrap(_ text: String, width: Double, size: Double, bold: Bool = false) -> [String] {
        var lines: [String] = [], current = ""
        func fits(_ s: String) -> Bool { self.width(s, size: size, bold: bold) <= width }
        for word in text.split(separator: " ").map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if fits(candidate) { current = candidate; continue }
            if !current.isEmpty { lines.append(current) }
            current = word
            while !fits(current) && current.count > 1 {
                var cut = current.count - 1
                while cut > 1 && !fits(String(current.prefix(cut))) { cut -= 1 }
                lines.append(String(current.prefix(cut)))
                current = String(current.dropFirst(cut))
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.isEmpty ? [""] : lines
    }

    private func setColor(_ c: Color) { cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha) }

    private func useFont(size: Double, bold: Bool) {
        let weight = bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL
        cairo_select_font_face(cr, Self.fontFamily, CAIRO_FONT_SLANT_NORMAL, weight)
        cairo_set_font_size(cr, size)
    }
}
