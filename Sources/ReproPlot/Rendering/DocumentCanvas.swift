import CCairo
import Foundation
import ReproSupport

/// The pen of a multi-page document (the report's PDF): DejaVu Sans text, fills, hairlines and
/// figures as vectors on one Cairo context, in points with y growing downwards. Page layout
/// lives outside this module; every Cairo call stays inside it.
public final class DocumentCanvas {
    public static let fontFamily = "DejaVu Sans"
    let cr: OpaquePointer

    init(_ cr: OpaquePointer) { self.cr = cr }

    /// A PDF of `size` points per page titled `title`, drawn by `body`, returned as bytes (dated
    /// by `SOURCE_DATE_EPOCH` when set, as every PDF of ``FigureRenderer``).
    public static func pdf(size: Size, title: String,
                           _ body: (DocumentCanvas) throws -> Void) throws -> Data {
        try FigureRenderer.pdfStream(size: size) { surface in
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
            guard let cr = cairo_create(surface) else {
                throw ReproError("cairo could not start drawing the PDF")
            }
            defer { cairo_destroy(cr) }
            try body(DocumentCanvas(cr))
        }
    }

    /// The advance width of `text` at `size` points.
    public func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        useFont(size: size, bold: bold)
        var extents = cairo_text_extents_t()
        cairo_text_extents(cr, text, &extents)
        return extents.x_advance
    }

    /// Draws `text` with its baseline at `p.y`, starting at `p.x` (or centred on it).
    public func text(_ text: String, at p: Point, size: Double, color: Color = .ink,
                     bold: Bool = false, centred: Bool = false) {
        guard !text.isEmpty else { return }
        let dx = centred ? -width(text, size: size, bold: bold) / 2 : 0
        setColor(color)
        cairo_move_to(cr, p.x + dx, p.y)
        cairo_show_text(cr, text)
    }

    public func fill(_ r: Rect, _ color: Color) {
        setColor(color)
        cairo_rectangle(cr, r.x, r.y, r.width, r.height)
        cairo_fill(cr)
    }

    public func line(_ a: Point, _ b: Point, _ color: Color, width: Double) {
        setColor(color)
        cairo_set_line_width(cr, width)
        cairo_move_to(cr, a.x, a.y)
        cairo_line_to(cr, b.x, b.y)
        cairo_stroke(cr)
    }

    /// `figure` scaled to fit `rect`, as drawing operations (vectors on a PDF page).
    public func figure(_ figure: Figure, in rect: Rect) {
        FigureRenderer.draw(figure, on: cr, in: rect)
    }

    public func showPage() { cairo_show_page(cr) }

    private func setColor(_ c: Color) { cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha) }

    private func useFont(size: Double, bold: Bool) {
        let weight = bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL
        cairo_select_font_face(cr, Self.fontFamily, CAIRO_FONT_SLANT_NORMAL, weight)
        cairo_set_font_size(cr, size)
    }
}
