/// The inline text of a block: plain runs, strong and emphasised runs, code and links.
///
/// Kept as structure rather than as Markdown or HTML so that one parse serves every output:
/// the HTML marks it up (`html`), the PDF prints it (`printed`).
public struct RichText: Equatable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public enum Span: Equatable, Sendable {
        case text(String)
        case strong([Span])
        case emphasis([Span])
        case code(String)
        case link([Span], target: String)
    }

    public var spans: [Span]

    public init(spans: [Span] = []) { self.spans = spans }

    /// Parses inline Markdown, so tests and callers can write `"some **bold** text"`.
    public init(stringLiteral markdown: String) { self.init(markdown: markdown) }

    public var isEmpty: Bool { spans.isEmpty }

    /// The text a reader sees, markup gone; links keep their text.
    public var plain: String { Self.text(spans, keepingFileLinks: true) }

    /// The text for print. Links to files beside the report (`figures/fig6.pdf`) are left out:
    /// a PDF travels alone, and it draws its figures itself. Links within the document stay as
    /// their text.
    public var printed: String {
        let text = Self.text(spans, keepingFileLinks: false)
        return text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    public var description: String { plain }

    private static func text(_ spans: [Span], keepingFileLinks: Bool) -> String {
        spans.map { span in
            switch span {
            case .text(let s), .code(let s): s
            case .strong(let inner), .emphasis(let inner):
                text(inner, keepingFileLinks: keepingFileLinks)
            case .link(let inner, let target):
                keepingFileLinks || target.hasPrefix("#")
                    ? text(inner, keepingFileLinks: keepingFileLinks) : ""
            }
        }.joined()
    }
}
