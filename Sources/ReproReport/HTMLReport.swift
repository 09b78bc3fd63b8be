import Foundation
import ReproSupport

/// The report's blocks as one self-contained HTML page (CSS inline, figures embedded as data
/// URIs), readable on a laptop and a phone.
///
/// Built from the same `DocumentBlock`s as the PDF. What needs special presentation (the claims
/// table as cards on phones, verdict badges) is asked for by the template, through the table's
/// `TableStyle` and its cells' classes, so nothing here depends on heading text or on how a
/// verdict is worded. Pure: the PNG bytes of each figure come from `image`, called with the
/// figure's id.
public enum HTMLReport {
    public static func make(_ blocks: [DocumentBlock], title: String,
                            image: (String) throws -> Data) throws -> String {
        var body: [String] = [], bullets: [String] = []
        for block in blocks {
            if case .bullet(let text) = block { bullets.append("<li>\(text.html)</li>"); continue }
            if !bullets.isEmpty { body.append("<ul>\n\(bullets.joined(separator: "\n"))\n</ul>") }
            bullets = []
            body.append(try html(block, image: image))
        }
        if !bullets.isEmpty { body.append("<ul>\n\(bullets.joined(separator: "\n"))\n</ul>") }
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>\(css)</style>
        </head>
        <body>
        <main>
        \(body.joined(separator: "\n"))
        </main>
        </body>
        </html>
        """
    }

    static func html(_ block: DocumentBlock, image: (String) throws -> Data) throws -> String {
        switch block {
        case .heading(let level, let text): "<h\(level)>\(text.html)</h\(level)>"
        case .paragraph(let text): "<p>\(text.html)</p>"
        case .quote(let text): "<blockquote><p>\(text.html)</p></blockquote>"
        case .bullet(let text): "<ul><li>\(text.html)</li></ul>"
        case .rule: "<hr>"
        case .anchor(let name): "<a id=\"\(escape(name))\"></a>"
        case .table(let table): self.table(table)
        case .figure(let figure): try self.figure(figure, image: image)
        }
    }

    static func figure(_ figure: DocumentFigure, image: (String) throws -> Data) throws -> String {
        let png: Data
        do { png = try image(figure.id) } catch {
            throw ReproError("report.html: cannot embed figure \(figure.id) (\(error)); "
                + "re-run build-report")
        }
        let id = figure.anchor.map { " id=\"\(escape($0))\"" } ?? ""
        return """
        <figure\(id)>
        <img src="data:image/png;base64,\(png.base64EncodedString())" alt="\(escape(figure.alt))">
        <figcaption>\(figure.caption.html)</figcaption>
        </figure>
        """
    }

    /// A table and its cells with the classes the template asked for; labelled cells carry
    /// their column's header in `data-label` (the cards show it).
    static func table(_ table: DocumentTable) -> String {
        let style = table.style
        let head = table.header.map { "<th>\($0.html)</th>" }.joined()
        let rows = table.rows.map { row in
            let cells = row.enumerated().map { c, cell in
                let label = style.labelled.contains(c) && c < table.header.count
                    ? " data-label=\"\(escape(table.header[c].plain))\"" : ""
                return "<td\(classAttribute(cell.className))\(label)>\(cell.text.html)</td>"
            }
            return "<tr>\(cells.joined())</tr>"
        }
        return "<table\(classAttribute(style.className))>\n<thead><tr>\(head)</tr></thead>\n"
            + "<tbody>\n\(rows.joined(separator: "\n"))\n</tbody>\n</table>"
    }

    static func classAttribute(_ name: String?) -> String {
        name.map { " class=\"\(escape($0))\"" } ?? ""
    }

    /// Text for HTML content and double-quoted attributes.
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
