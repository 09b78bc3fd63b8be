import Foundation
import ReproPlot
import ReproSupport

/// Lays out `DocumentBlock`s on A4 pages in DejaVu Sans: wrapped text, tables with wrapped
/// cells, figures scaled to the text width, page breaks where needed, page numbers.
///
/// Figures are drawn from their `Figure` values, as vectors, so the PDF is as sharp as the
/// figures' own PDFs at any zoom. The transform is pure: blocks and figures in, bytes out.
public enum DocumentRenderer {
    static let page = Size(595.28, 841.89)
    static let margin = 50.0
    static var width: Double { page.width - 2 * margin }

    /// The PDF of `blocks`; each figure block's id must be a key of `figures`.
    public static func pdf(_ blocks: [DocumentBlock], figures: [String: Figure],
                           title: String) throws -> Data {
        let missing = blocks.compactMap { block -> String? in
            guard case .figure(let f) = block, figures[f.id] == nil else { return nil }
            return f.id
        }
        guard missing.isEmpty else {
            throw ReproError("report.pdf: no figure for \(missing.joined(separator: ", ")); "
                + "the report names a figure the pipeline did not make")
        }
        return try DocumentCanvas.pdf(size: page, title: title) { pen in
            var layout = PageLayout(canvas: PageCanvas(pen), figures: figures)
            for (k, block) in blocks.enumerated() {
                layout.place(block, next: k + 1 < blocks.count ? blocks[k + 1] : nil)
            }
            layout.finishPage()
        }
    }
}
