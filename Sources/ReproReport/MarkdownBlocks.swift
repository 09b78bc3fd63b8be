import Foundation

/// Reads the Markdown the templates produce into `DocumentBlock`s, once, for both the HTML and
/// the PDF, so the two show the same document.
///
/// Prose, bullets and pipe tables are Markdown, as the templates' authors write them. What
/// Markdown cannot say is stated by the templates in `Directive` comments: a figure is a region
/// `<!-- figure id="…" -->` … `<!-- /figure -->` and is named by id (its image path is only
/// for Markdown readers), and a table's presentation comes from `<!-- table … -->`.
/// Understood: `#` headings, paragraphs, `>` quotes, `-`/`*` bullets, pipe tables, `---`,
/// `<a id="…"></a>` anchors, and inline markup as `RichText` reads it.
public enum MarkdownBlocks {
    public static func parse(_ markdown: String) throws -> [DocumentBlock] {
        var reader = MarkdownReader()
        for (k, line) in markdown.components(separatedBy: "\n").enumerated() {
            try reader.read(line.trimmingCharacters(in: .whitespaces), number: k + 1)
        }
        return try reader.finish()
    }
}
