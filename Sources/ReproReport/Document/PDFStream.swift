import CCairo
import Foundation
import ReproPlot
import ReproSupport

/// A multi-page PDF written into memory: the layout draws on a Cairo context, the finished
/// bytes come back. No file is touched, so the caller decides where (and whether) to write.
enum PDFStream {
    static func make(size: Size, title: String,
                     _ body: (OpaquePointer) throws -> Void) throws -> Data {
        let sink = Sink()
        // The sink is an argument, so it outlives the surface, which writes into it until it
        // is destroyed (even when `body` throws).
        try write(into: sink, size: size, title: title, body)
        return sink.data
    }

    private static func write(into sink: Sink, size: Size, title: String,
                              _ body: (OpaquePointer) throws -> Void) throws {
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        guard let surface = cairo_pdf_surface_create_for_stream(callback, closure, size.width,
                                                                size.height)
        else { throw ReproError("cairo could not start a PDF") }
        defer { cairo_surface_destroy(surface) }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
        let cr = cairo_create(surface)!
        do {
            defer { cairo_destroy(cr) }
            try body(cr)
        }
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw ReproError("cairo could not write the PDF (status \(status.rawValue))")
        }
    }

    /// Collects the bytes Cairo writes through the stream callback.
    private final class Sink { var data = Data() }

    private static let callback: cairo_write_func_t = { closure, bytes, length in
        guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue()
        sink.data.append(bytes, count: Int(length))
        return CAIRO_STATUS_SUCCESS
    }
}
