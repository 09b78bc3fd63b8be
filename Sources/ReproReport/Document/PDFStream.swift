import CCairo
import Foundation
import ReproPlot
import ReproSupport

/// A multi-page PDF written into memory with its title set: the layout draws on a Cairo context,
/// the finished bytes come back. No file is touched, so the caller decides where (and whether)
/// to write. The surface and its byte sink are `FigureRenderer.pdfStream`'s.
enum PDFStream {
    static func make(size: Size, title: String,
                     _ body: (OpaquePointer) throws -> Void) throws -> Data {
        try FigureRenderer.pdfStream(size: size) { surface in
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
            guard let cr = cairo_create(surface) else {
                throw ReproError("cairo could not start drawing the PDF")
            }
            defer { cairo_destroy(cr) }
            try body(cr)
        }
    }
}
