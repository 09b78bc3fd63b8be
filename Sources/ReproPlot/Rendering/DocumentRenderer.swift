import CCairo
import Foundation
import ReproSupport

/// Lays out `DocumentBlock`s on A4 pages with Cairo and DejaVu Sans: wrapped text, tables with
/// wrapped cells, figures scaled to the text width (PNG files), page breaks where needed.
public enum DocumentRenderer {
    static let page = Size(595.28, 841.89)
    static let margin = 50.0
    static var width: Double { page.width - 2 * margin }

    public static func pdf(_ blocks: [DocumentBlock], title: String) throws -> Data {
        try FigureRenderer.pdfStream(size: page) { surface in
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
            let cr = cairo_create(surface)!
            defer { cairo_destroy(cr) }
            var layout = PageLayout(canvas: CairoCanvas(cr), cr: cr)
            layout.startPage()
            for block in blocks { try layout.place(block) }
            layout.finishPage()
        }
    }

    /// Lines of `text` no wider than `width` at `size` (words longer than a line are split).
    static func wrap(_ text: String, width: Double, size: Double, bold: Bool = false, canvas: CairoCanvas) -> [String] {
        var lines: [String] = [], current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if canvas.measure(candidate, size: size, bold: bold).width <= width { current = candidate; continue }
            if !current.isEmpty { lines.append(current) }
            current = word
            while canvas.measure(current, size: size, bold: bold).width > width && current.count > 1 {
                var cut = current.count - 1
                while cut > 1 && canvas.measure(String(current.prefix(cut)), size: size, bold: bold).width > width { cut -= 1 }
                lines.append(String(current.prefix(cut)))
                current = String(current.dropFirst(cut))
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.isEmpty ? [""] : lines
    }

    struct PageLayout {
        let canvas: CairoCanvas
        let cr: OpaquePointer
        var y = 0.0
        var pageNumber = 0
        let body = 9.5

        mutating func startPage() {
            pageNumber += 1
            y = margin
        }

        mutating func finishPage() {
            canvas.text("\(pageNumber)", at: Point(page.width / 2, page.height - 25), size: 8, color: Color(hex: "#777777"), h: .center)
            cairo_show_page(cr)
        }

        mutating func ensure(_ height: Double) {
            if y + height > page.height - margin && y > margin + 1 { finishPage(); startPage() }
        }

        mutating func lines(_ text: String, size: Double, bold: Bool = false, indent: Double = 0, color: Color = .ink, spacing: Double = 1.35) {
            for line in wrap(text, width: width - indent, size: size, bold: bold, canvas: canvas) {
                ensure(size * spacing)
                canvas.text(line, at: Point(margin + indent, y + size), size: size, color: color, bold: bold)
                y += size * spacing
            }
        }

        mutating func place(_ block: DocumentBlock) throws {
            switch block {
            case .heading(let level, let text):
                let size = level == 1 ? 16.0 : level == 2 ? 13 : 11
                ensure(size * 4)
                y += level == 1 ? 0 : size * 0.8
                lines(text, size: size, bold: true)
                y += 4
            case .paragraph(let text):
                lines(text, size: body)
                y += 6
            case .quote(let text):
                let top = y
                lines(text, size: body, indent: 12, color: Color(hex: "#444444"))
                canvas.fill(Rect(x: margin, y: top, width: 3, height: y - top), Color(hex: "#cccccc"))
                y += 6
            case .bullet(let text):
                canvas.text("•", at: Point(margin + 2, y + body), size: body)
                lines(text, size: body, indent: 12)
                y += 2
            case .rule:
                ensure(12)
                canvas.line(Point(margin, y + 5), Point(page.width - margin, y + 5), Color(hex: "#cccccc"), width: 0.8)
                y += 12
            case .table(let header, let rows):
                table(header, rows)
            case .image(let url, let caption):
                try image(url, caption)
            }
        }

        mutating func table(_ header: [String], _ rows: [[String]]) {
            let size = 7.5, pad = 3.0, columns = header.count
            guard columns > 0 else { return }
            // Column widths: proportional to the widest content, none below 40 % of an even share
            // or its longest word, then scaled so the table spans the text width.
            let cellsOf = { (c: Int) in ([header] + rows).map { c < $0.count ? $0[c] : "" } }
            let natural = (0..<columns).map { c in cellsOf(c).map { canvas.measure($0, size: size, bold: true).width }.max()! + 2 * pad }
            let longestWord = (0..<columns).map { c in
                cellsOf(c).flatMap { $0.split(separator: " ") }.map { canvas.measure(String($0), size: size, bold: true).width }.max() ?? 0
            }
            let total = natural.reduce(0, +)
            let floored = (0..<columns).map { c in max(width / Double(columns) * 0.4, longestWord[c] + 2 * pad, natural[c] * width / total) }
            let widths = floored.map { $0 * width / floored.reduce(0, +) }
            func row(_ cells: [String], bold: Bool, shaded: Bool) {
                let wrapped = (0..<columns).map { c in wrap(c < cells.count ? cells[c] : "", width: widths[c] - 2 * pad, size: size, bold: bold, canvas: canvas) }
                let height = Double(wrapped.map(\.count).max() ?? 1) * size * 1.3 + 2 * pad
                ensure(height)
                if shaded { canvas.fill(Rect(x: margin, y: y, width: width, height: height), Color(hex: "#f2f2f2")) }
                var x = margin
                for c in 0..<columns {
                    for (k, line) in wrapped[c].enumerated() {
                        canvas.text(line, at: Point(x + pad, y + pad + size + Double(k) * size * 1.3), size: size, bold: bold)
                    }
                    x += widths[c]
                }
                canvas.line(Point(margin, y + height), Point(margin + width, y + height), Color(hex: "#d0d0d0"), width: 0.5)
                y += height
            }
            row(header, bold: true, shaded: true)
            for r in rows { row(r, bold: false, shaded: false) }
            y += 8
        }

        mutating func image(_ url: URL, _ caption: String?) throws {
            guard let surface = cairo_image_surface_create_from_png(url.path), cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
                throw ReproError("cannot read figure \(url.path) for the PDF; re-run build-report")
            }
            defer { cairo_surface_destroy(surface) }
            let w = Double(cairo_image_surface_get_width(surface)), h = Double(cairo_image_surface_get_height(surface))
            var scale = width / w
            scale = min(scale, (page.height - 2 * margin) * 0.62 / h)
            let drawWidth = w * scale, drawHeight = h * scale
            ensure(drawHeight + 30)
            cairo_save(cr)
            cairo_translate(cr, margin + (width - drawWidth) / 2, y)
            cairo_scale(cr, scale, scale)
            cairo_set_source_surface(cr, surface, 0, 0)
            cairo_paint(cr)
            cairo_restore(cr)
            y += drawHeight + 4
            if let caption { lines(caption, size: 8, color: Color(hex: "#333333")) }
            y += 8
        }
    }
}
