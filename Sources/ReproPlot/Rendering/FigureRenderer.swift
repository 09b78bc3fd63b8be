import CCairo
import Foundation
import ReproSupport

/// Output formats: PNG at a resolution, or vector PDF and SVG.
public enum OutputFormat: Equatable, Sendable {
    case png(dpi: Double)
    case pdf
    case svg

    public var fileExtension: String {
        switch self { case .png: "png"; case .pdf: "pdf"; case .svg: "svg" }
    }
}

/// Draws `Figure`s with Cairo. The only entry point from the model to pixels and vector files.
public enum FigureRenderer {
    /// The encoded bytes of `figure` in `format`.
    public static func data(_ figure: Figure, format: OutputFormat) throws -> Data {
        switch format {
        case .png(let dpi):
            let surface = try imageSurface(figure, dpi: dpi)
            defer { cairo_surface_destroy(surface) }
            return try encode { sink in
                cairo_surface_write_to_png_stream(surface, writeToSink, sink)
            }
        case .pdf: return try pdf([figure])
        case .svg:
            let size = figure.pointSize
            let sink = DataSink()
            let surface = cairo_svg_surface_create_for_stream(
                writeToSink, Unmanaged.passUnretained(sink).toOpaque(), size.width, size.height)
            draw(figure, on: surface!)
            cairo_surface_finish(surface)
            let status = cairo_surface_status(surface)
            cairo_surface_destroy(surface)
            guard status == CAIRO_STATUS_SUCCESS else {
                throw ReproError("cairo could not write SVG (status \(status.rawValue))")
            }
            return sink.data
        }
    }

    /// One PDF with one page per figure (pages take each figure's own size).
    public static func pdf(_ figures: [Figure]) throws -> Data {
        guard let first = figures.first else { throw ReproError("no figures to write") }
        return try pdfStream(size: first.pointSize) { surface in
            for figure in figures {
                cairo_pdf_surface_set_size(surface, figure.pointSize.width, figure.pointSize.height)
                draw(figure, on: surface)
                let cr = cairo_create(surface)
                cairo_show_page(cr)
                cairo_destroy(cr)
            }
        }
    }

    /// A PDF surface writing into memory: `body` draws the pages; the finished bytes are returned.
    /// The one way figures and whole reports (`ReproReport`'s documents) become PDF bytes, dated
    /// by `SOURCE_DATE_EPOCH` when it is set (``PDFDate``).
    public static func pdfStream(size: Size, _ body: (OpaquePointer) throws -> Void) throws -> Data {
        let sink = DataSink()
        guard let surface = cairo_pdf_surface_create_for_stream(
            writeToSink, Unmanaged.passUnretained(sink).toOpaque(), size.width, size.height) else {
            throw ReproError("cairo could not start a PDF")
        }
        defer { cairo_surface_destroy(surface) }
        try PDFDate.apply(to: surface)
        try body(surface)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw ReproError("cairo could not write the PDF (status \(status.rawValue))")
        }
        return sink.data
    }

    /// Writes `base.png`, `base.pdf`, … atomically; returns the files written.
    @discardableResult
    public static func write(_ figure: Figure, to base: URL,
                             formats: [OutputFormat] = [.png(dpi: 150), .pdf]) throws -> [URL] {
        try formats.map { format in
            let url = base.appendingPathExtension(format.fileExtension)
            try AtomicFile.write(try data(figure, format: format), to: url)
            return url
        }
    }

    /// The figure as pixels, for tests and previews.
    public static func raster(_ figure: Figure, dpi: Double = 100) throws -> RasterImage {
        let surface = try imageSurface(figure, dpi: dpi)
        defer { cairo_surface_destroy(surface) }
        return RasterImage(surface: surface)
    }

    static func imageSurface(_ figure: Figure, dpi: Double) throws -> OpaquePointer {
        let scale = dpi / 72
        let width = Int32((figure.pointSize.width * scale).rounded()),
            height = Int32((figure.pointSize.height * scale).rounded())
        guard width > 0, height > 0, width < 20_000, height < 20_000,
              let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height),
              cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw ReproError("cannot make a \(width)×\(height) image; check the figure size and "
                             + "DPI")
        }
        cairo_surface_set_device_scale(surface, scale, scale)
        draw(figure, on: surface)
        cairo_surface_flush(surface)
        return surface
    }

    /// Draws `figure` into a caller's Cairo context (`cairo_t *`), scaled uniformly to fit `rect`
    /// (points, in the context's user space) and centred in it, clipped to its own box.
    ///
    /// This is how a page layout outside this module places a figure as vectors: on a PDF
    /// surface every line, marker and glyph stays a drawing operation, not a bitmap. The
    /// context's state (transform, clip, source, font) is restored before returning.
    public static func draw(_ figure: Figure, on cr: OpaquePointer, in rect: Rect) {
        let size = figure.pointSize
        guard size.width > 0, size.height > 0, rect.width > 0, rect.height > 0 else { return }
        let scale = min(rect.width / size.width, rect.height / size.height)
        cairo_save(cr)
        cairo_translate(cr, rect.x + (rect.width - size.width * scale) / 2,
                        rect.y + (rect.height - size.height * scale) / 2)
        cairo_scale(cr, scale, scale)
        cairo_rectangle(cr, 0, 0, size.width, size.height)
        cairo_clip(cr)
        draw(figure, context: cr)
        cairo_restore(cr)
    }

    /// Draws the whole figure (background, title, panels) on any Cairo surface, in points.
    static func draw(_ figure: Figure, on surface: OpaquePointer) {
        let cr = cairo_create(surface)!
        defer { cairo_destroy(cr) }
        draw(figure, context: cr)
    }

    /// Draws the whole figure with its top-left corner at the context's origin, in points.
    private static func draw(_ figure: Figure, context cr: OpaquePointer) {
        let canvas = CairoCanvas(cr)
        let style = PlotStyle()
        let size = figure.pointSize
        canvas.fill(Rect(x: 0, y: 0, width: size.width, height: size.height), style.background)
        var top = 4.0
        if let title = figure.title {
            let (text, fontSize) = canvas.fitting(title, width: size.width - 12,
                                                  size: style.figureTitleFont, bold: true)
            canvas.text(text, at: Point(size.width / 2, 8), size: fontSize, bold: true, h: .center,
                        v: .top)
            top += style.figureTitleFont + 10
        }
        let cellWidth = size.width / Double(figure.columns),
            cellHeight = (size.height - top) / Double(figure.rows)
        for (k, axes) in figure.panels.enumerated() {
            let row = k / figure.columns, column = k % figure.columns
            let cell = Rect(x: Double(column) * cellWidth + 2, y: top + Double(row) * cellHeight,
                            width: cellWidth - 4, height: cellHeight - 2)
            PanelRenderer(axes: axes, canvas: canvas, style: style).draw(in: cell)
        }
    }

    private static func encode(_ body: (UnsafeMutableRawPointer) -> cairo_status_t) throws -> Data {
        let sink = DataSink()
        let status = body(Unmanaged.passUnretained(sink).toOpaque())
        guard status == CAIRO_STATUS_SUCCESS else {
            throw ReproError("cairo could not encode the image (status \(status.rawValue))")
        }
        return sink.data
    }
}

/// Collects the bytes Cairo writes through a stream callback.
final class DataSink {
    var data = Data()
}

/// Appends what Cairo writes to the `DataSink` passed as the stream's closure.
let writeToSink: cairo_write_func_t = { closure, bytes, length in
    guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
    Unmanaged<DataSink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes,
                                                                              count: Int(length))
    return CAIRO_STATUS_SUCCESS
}
