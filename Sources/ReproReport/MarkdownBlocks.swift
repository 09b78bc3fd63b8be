import Foundation
import ReproPlot

/// Reads the Markdown the templates produce into document blocks for the PDF: headings,
/// paragraphs, quotes, bullets, pipe tables and images. Inline markup is reduced to plain text.
public enum MarkdownBlocks {
    public static func parse(_ markdown: String, relativeTo base: URL) -> [DocumentBlock] {
        var blocks: [DocumentBlock] = []
        var paragraph: [String] = [], quote: [String] = [], table: [[String]] = []
        func flush() {
            if !paragraph.isEmpty { blocks.append(.paragraph(plain(paragraph.joined(separator: " ")))); paragraph = [] }
            if !quote.isEmpty { blocks.append(.quote(plain(quote.joined(separator: " ")))); quote = [] }
            if !table.isEmpty {
                let body = table.dropFirst().filter { !$0.allSatisfy { $0.allSatisfy { "-: ".contains($0) } } }
                blocks.append(.table(header: table[0].map(plain), rows: body.map { $0.map(plain) }))
                table = []
            }
        }
        let lines = markdown.components(separatedBy: "\n")
        var k = 0
        while k < lines.count {
            let line = lines[k].trimmingCharacters(in: .whitespaces)
            k += 1
            if line.isEmpty || line.hasPrefix("<a id=") { flush(); continue }
            if line.hasPrefix("#") {
                flush()
                let level = line.prefix { $0 == "#" }.count
                blocks.append(.heading(level: level, text: plain(String(line.dropFirst(level)).trimmingCharacters(in: .whitespaces))))
            } else if line.hasPrefix("|") {
                if !paragraph.isEmpty || !quote.isEmpty { let rows = table; table = []; flush(); table = rows }
                table.append(cells(line))
            } else if line.hasPrefix(">") {
                quote.append(String(line.dropFirst()).trimmingCharacters(in: .whitespaces))
            } else if line.hasPrefix("- ") || line.hasPrefix("* ") && !line.hasPrefix("**") {
                flush()
                blocks.append(.bullet(plain(String(line.dropFirst(2)))))
            } else if line == "---" {
                flush(); blocks.append(.rule)
            } else if line.hasPrefix("!["), let open = line.range(of: "]("), let close = line.lastIndex(of: ")") {
                flush()
                let path = String(line[open.upperBound..<close])
                // The caption is the next non-empty line when it is emphasised (*…*), as the figure template writes it.
                var caption: String?
                var j = k
                while j < lines.count && lines[j].trimmingCharacters(in: .whitespaces).isEmpty { j += 1 }
                if j < lines.count, lines[j].trimmingCharacters(in: .whitespaces).hasPrefix("*") { caption = plain(lines[j]); k = j + 1 }
                blocks.append(.image(base.appendingPathComponent(path), caption: caption))
            } else {
                if !table.isEmpty { flush() }
                paragraph.append(line)
            }
        }
        flush()
        return blocks
    }

    static func cells(_ line: String) -> [String] {
        var parts = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.first == "" { parts.removeFirst() }
        if parts.last == "" { parts.removeLast() }
        return parts
    }

    /// Inline Markdown to plain text: links keep their text, emphasis and code markers go, a
    /// trailing "(PDF)" link is dropped.
    static func plain(_ text: String) -> String {
        var s = text
        s = s.replacingOccurrences(of: #" ?\(\[PDF\]\([^)]*\)\)"#, with: "", options: .regularExpression)
        s = s.replacingOccurrences(of: #"\[([^\]]*)\]\([^)]*\)"#, with: "$1", options: .regularExpression)
        for marker in ["**", "`"] { s = s.replacingOccurrences(of: marker, with: "") }
        s = s.replacingOccurrences(of: #"(^|\s)\*([^*]+)\*"#, with: "$1$2", options: .regularExpression)
        s = s.replacingOccurrences(of: #"^\*|\*$"#, with: "", options: .regularExpression)
        return s.trimmingCharacters(in: .whitespaces)
    }
}
