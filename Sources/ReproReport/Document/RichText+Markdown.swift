extension RichText {
    /// Parses the inline Markdown the templates write: `**strong**`, `*emphasis*`, `` `code` ``,
    /// `[text](target)` and backslash escapes. Anything else is text, so a lone `*` (as in
    /// "2 * 3") stays as written.
    public init(markdown: String) {
        self.init(spans: InlineMarkdown.spans(Substring(markdown)))
    }
}

/// The inline parser behind `RichText(markdown:)`: a left-to-right scan, one construct at a time.
enum InlineMarkdown {
    static func spans(_ s: Substring) -> [RichText.Span] {
        var spans: [RichText.Span] = [], text = ""
        var i = s.startIndex
        while i < s.endIndex {
            if let (span, next) = markup(s, at: i) {
                if !text.isEmpty { spans.append(.text(text)); text = "" }
                spans.append(span)
                i = next
            } else if s[i] == "\\", s.index(after: i) < s.endIndex,
                      s[s.index(after: i)].isPunctuation || s[s.index(after: i)].isSymbol {
                text.append(s[s.index(after: i)])
                i = s.index(i, offsetBy: 2)
            } else {
                text.append(s[i])
                i = s.index(after: i)
            }
        }
        if !text.isEmpty { spans.append(.text(text)) }
        return spans
    }

    /// A construct and the index just after it.
    typealias Match = (span: RichText.Span, next: String.Index)

    /// The construct starting at `i`, if one does.
    private static func markup(_ s: Substring, at i: String.Index) -> Match? {
        let rest = s[i...]
        if rest.hasPrefix("`") {
            guard let close = rest.dropFirst().firstIndex(of: "`") else { return nil }
            return (.code(String(s[s.index(after: i)..<close])), s.index(after: close))
        }
        if rest.hasPrefix("**") {
            let inner = s.index(i, offsetBy: 2)
            guard let close = s[inner...].range(of: "**"), close.lowerBound > inner
            else { return nil }
            return (.strong(spans(s[inner..<close.lowerBound])), close.upperBound)
        }
        if rest.hasPrefix("*") { return emphasis(s, at: i) }
        if rest.hasPrefix("[") { return link(s, at: i) }
        return nil
    }

    /// `*text*`: opens after a space or bracket and before a non-space; closes at the next `*`
    /// that follows a non-space.
    private static func emphasis(_ s: Substring, at i: String.Index) -> Match? {
        if i > s.startIndex, !" ([\"".contains(s[s.index(before: i)]) { return nil }
        let inner = s.index(after: i)
        guard inner < s.endIndex, !s[inner].isWhitespace else { return nil }
        var j = s.index(after: inner)
        while j < s.endIndex {
            if s[j] == "*", !s[s.index(before: j)].isWhitespace {
                return (.emphasis(spans(s[inner..<j])), s.index(after: j))
            }
            j = s.index(after: j)
        }
        return nil
    }

    /// `[text](target)`: the text may hold markup and balanced brackets; the target has no `)`.
    private static func link(_ s: Substring, at i: String.Index) -> Match? {
        var depth = 0, j = i
        while j < s.endIndex {
            if s[j] == "[" { depth += 1 }
            if s[j] == "]" { depth -= 1; if depth == 0 { break } }
            j = s.index(after: j)
        }
        guard j < s.endIndex, s[s.index(after: j)...].hasPrefix("(") else { return nil }
        let start = s.index(j, offsetBy: 2)
        guard let close = s[start...].firstIndex(of: ")") else { return nil }
        let text = spans(s[s.index(after: i)..<j])
        return (.link(text, target: String(s[start..<close])), s.index(after: close))
    }
}
