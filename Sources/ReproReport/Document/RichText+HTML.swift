extension RichText {
    /// The text as HTML phrasing content: `<strong>`, `<em>`, `<code>`, `<a href>`, the rest
    /// escaped, so no text from a template or a result can inject markup.
    var html: String { spans.map(Self.html).joined() }

    private static func html(_ span: Span) -> String {
        switch span {
        case .text(let s): HTMLReport.escape(s)
        case .strong(let inner): "<strong>\(inner.map(html).joined())</strong>"
        case .emphasis(let inner): "<em>\(inner.map(html).joined())</em>"
        case .code(let s): "<code>\(HTMLReport.escape(s))</code>"
        case .link(let inner, let target):
            "<a href=\"\(HTMLReport.escape(target))\">\(inner.map(html).joined())</a>"
        }
    }
}
