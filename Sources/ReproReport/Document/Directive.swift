import Foundation

/// A comment `<!-- name key="value" … -->` that a template writes to state what Markdown cannot:
/// where a figure is and which (`figure id="fig6"` … `/figure`, on lines of their own), how a
/// table is shown (`table class="cards" …`, on the line before it), and a table cell's class
/// (`cell class="…"`, inside the cell).
///
/// HTML comments, so Markdown viewers show nothing of them; the structure comes from the
/// template that knows it, not from guessing at headings or cell text.
struct Directive: Equatable {
    var name: String
    var attributes: [String: String]

    /// The directive in `line`, or nil if the line is not a single HTML comment.
    init?(_ line: String) {
        guard line.hasPrefix("<!--"), line.hasSuffix("-->"), line.count >= 7 else { return nil }
        let body = line.dropFirst(4).dropLast(3).trimmingCharacters(in: .whitespaces)
        guard let name = body.split(separator: " ").first else { return nil }
        self.name = String(name)
        var attributes: [String: String] = [:]
        let pattern = try! NSRegularExpression(pattern: #"([A-Za-z][\w-]*)="([^"]*)""#)
        let range = NSRange(body.startIndex..., in: body)
        for match in pattern.matches(in: body, range: range) {
            guard let key = Range(match.range(at: 1), in: body),
                  let value = Range(match.range(at: 2), in: body) else { continue }
            attributes[String(body[key])] = String(body[value])
        }
        self.attributes = attributes
    }

    /// The attribute as a comma-separated list (`labels="published, reproduced"`).
    func list(_ key: String) -> [String] {
        (attributes[key] ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
