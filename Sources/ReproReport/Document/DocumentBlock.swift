/// One block of the report as both the HTML and the PDF lay it out: read once from the
/// templates' Markdown by `MarkdownBlocks`, rendered by `HTMLReport` and `DocumentRenderer`.
///
/// Figures are named by id, not by file: each output resolves the id to what it draws (the
/// `Figure` value as vectors in the PDF, PNG bytes in the HTML), so no path is parsed back.
public enum DocumentBlock: Equatable, Sendable {
    case heading(level: Int, text: RichText)
    case paragraph(RichText)
    case quote(RichText)
    case bullet(RichText)
    case table(DocumentTable)
    case figure(DocumentFigure)
    /// A link target (`<a id="…">`) that other blocks link to with `#…`.
    case anchor(String)
    case rule
}

/// A pipe table, with what its `<!-- table … -->` directive asked of the HTML.
public struct DocumentTable: Equatable, Sendable {
    public var header: [RichText]
    public var rows: [[TableCell]]
    public var style: TableStyle

    public init(header: [RichText], rows: [[TableCell]], style: TableStyle = TableStyle()) {
        self.header = header; self.rows = rows; self.style = style
    }
}

/// A body cell: its text, and the CSS class a `<!-- cell class="…" -->` in it asks for (the
/// claims partial marks each verdict with its kind, which the HTML shows as a coloured badge).
public struct TableCell: Equatable, Sendable, ExpressibleByStringLiteral {
    public var text: RichText
    public var className: String?

    public init(_ text: RichText, className: String? = nil) {
        self.text = text; self.className = className
    }

    public init(stringLiteral markdown: String) { self.init(RichText(markdown: markdown)) }
}

/// How the template wants a table shown in HTML; the PDF draws every table alike.
public struct TableStyle: Equatable, Sendable {
    /// The table's CSS class (`cards`: one labelled card per row at phone widths).
    public var className: String?
    /// Columns whose cells carry their column's header as a label (shown on the cards).
    public var labelled: [Int]

    public init(className: String? = nil, labelled: [Int] = []) {
        self.className = className; self.labelled = labelled
    }
}

/// A figure placed by id, with the caption the template wrote under it.
public struct DocumentFigure: Equatable, Sendable {
    public var id: String
    /// The link target of the figure (claims link to it as evidence).
    public var anchor: String?
    /// Short text standing in for the image (the Markdown image's alt text).
    public var alt: String
    public var caption: RichText

    public init(id: String, anchor: String? = nil, alt: String = "",
                caption: RichText = RichText()) {
        self.id = id; self.anchor = anchor; self.alt = alt; self.caption = caption
    }
}
