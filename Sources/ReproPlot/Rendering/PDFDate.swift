import CCairo
import Foundation
import ReproSupport

/// The creation date written into every PDF: `SOURCE_DATE_EPOCH` when it is set (the
/// reproducible-builds convention), so that rendering the same figures twice gives the same
/// bytes; otherwise Cairo's own (the current time).
public enum PDFDate {
    /// The date `SOURCE_DATE_EPOCH` names as Cairo's metadata wants it
    /// (`YYYY-MM-DDThh:mm:ssZ`), nil when it is not set; a malformed value is an error.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> String? {
        guard let value = environment["SOURCE_DATE_EPOCH"] else { return nil }
        guard let seconds = Int(value), seconds >= 0, seconds <= 253_402_300_799 else {
            throw ReproError("SOURCE_DATE_EPOCH must be a whole number of seconds since "
                             + "1970-01-01 UTC, not '\(value)'; fix it or unset it")
        }
        return iso8601(seconds)
    }

    /// `seconds` after the epoch in UTC, e.g. 0 → "1970-01-01T00:00:00Z".
    public static func iso8601(_ seconds: Int) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", Int(parts.tm_year) + 1900,
                      Int(parts.tm_mon) + 1, Int(parts.tm_mday), Int(parts.tm_hour),
                      Int(parts.tm_min), Int(parts.tm_sec))
    }

    /// Sets a PDF surface's creation and modification dates from `SOURCE_DATE_EPOCH`, if set.
    static func apply(to surface: OpaquePointer) throws {
        guard let date = try fromEnvironment() else { return }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date)
    }
}
