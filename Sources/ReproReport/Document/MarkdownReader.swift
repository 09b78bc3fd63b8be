import Foundation
import ReproSupport

/// The state of reading Markdown line by line into `DocumentBlock`s: the paragraph, quote or
/// table being gathered, an open figure region, and a table directive waiting for its table.
struct MarkdownReader {
    private(set) var blocks: [DocumentBlock] = []
    private var paragraph: [String] = [], quote: [String] = [], table: [[String]] = []
    private var tableDirective: (directive: Directive, line: Int)?
    private var figure: (block: DocumentFigure, caption: [String], line: Int)?

    mutating func read(_ line: String, number: Int) throws {
        if let directive = Directive(line) { return try apply(directive, number) }
        if figure != nil { return readFigure(line) }
        if line.isEmpty { return try flush() }
        if let name = Self.anchor(line) {
            try flush()
            try append(.anchor(name))
        } else if line.hasPrefix("|") {
            try flushText()
            table.append(Self.cells(line))
        } else if line.hasPrefix("#") {
            try flush()
            let level = line.prefix { $0 == "#" }.count
            let text = line.dropFirst(level).trimmingCharacters(in: .whitespaces)
            try append(.heading(level: level, text: RichText(markdown: text)))
        } else if line.hasPrefix(">") {
            try flushTable()
            quote.append(line.dropFirst().trimmingCharacters(in: .whitespaces))
        } else if line.hasPrefix("- ") || line.hasPrefix("* ") {
            try flush()
            try append(.bullet(RichText(markdown: String(line.dropFirst(2)))))
        } else if line == "---" {
            try flush()
            try append(.rule)
        } else if line.hasPrefix("![") {
            throw ReproError("report.md line \(number): an image outside a figure; "
                + "include figures through the figure partial, which names them by id")
        } else {
            try flushTable()
            paragraph.append(line)
        }
    }

    /// The blocks, once every open construct is closed.
    mutating func finish() throws -> [DocumentBlock] {
        if let figure {
            throw ReproError("report.md line \(figure.line): figure '\(figure.block.id)' "
                + "is never closed")
        }
        try flush()
        if let pending = tableDirective {
            throw ReproError("report.md line \(pending.line): a table directive with no table "
                + "after it")
        }
        return blocks
    }

    private mutating func apply(_ directive: Directive, _ number: Int) throws {
        switch directive.name {
        case "figure":
            guard let id = directive.attributes["id"] else {
                throw ReproError("report.md line \(number): a figure directive needs id=\"…\"")
            }
            try flush()
            figure = (DocumentFigure(id: id), [], number)
        case "/figure":
            guard let open = figure else {
                throw ReproError("report.md line \(number): /figure without a figure")
            }
            var block = open.block
            block.caption = RichText(markdown: open.caption.joined(separator: " "))
            figure = nil
            try append(.figure(block))
        case "table":
            try flush()
            tableDirective = (directive, number)
        default: break   // an ordinary comment
        }
    }

    /// Inside a figure: its anchor, the Markdown image (for Markdown readers; only its alt text
    /// is kept), and the caption lines.
    private mutating func readFigure(_ line: String) {
        if let name = Self.anchor(line) {
            figure?.block.anchor = name
        } else if line.hasPrefix("!["), let end = line.range(of: "](") {
            let alt = line.index(line.startIndex, offsetBy: 2)..<end.lowerBound
            figure?.block.alt = String(line[alt])
        } else if !line.isEmpty {
            figure?.caption.append(line)
        }
    }

    private mutating func append(_ block: DocumentBlock) throws {
        if let pending = tableDirective {
            throw ReproError("report.md line \(pending.line): a table directive must come just "
                + "before its table")
        }
        blocks.append(block)
    }

    private mutating func flush() throws {
        try flushText()
        try flushTable()
    }

    private mutating func flushText() throws {
        if !paragraph.isEmpty {
            try append(.paragraph(RichText(markdown: paragraph.joined(separator: " "))))
            paragraph = []
        }
        if !quote.isEmpty {
            try append(.quote(RichText(markdown: quote.joined(separator: " "))))
            quote = []
        }
    }

    private mutating func flushTable() throws {
        guard let header = table.first else { return }
        let isRule = { (row: [String]) in row.allSatisfy { $0.allSatisfy { "-: ".contains($0) } } }
        let rows = table.dropFirst().filter { !isRule($0) }
        let style = try tableDirective.map { try Self.style($0.directive, header: header, $0.line) }
        tableDirective = nil
        table = []
        blocks.append(.table(DocumentTable(
            header: header.map(RichText.init(markdown:)),
            rows: rows.map { $0.map(Self.cell) },
            style: style ?? TableStyle())))
    }

    /// A body cell; a `<!-- cell class="…" -->` anywhere in it gives its class and is removed.
    static func cell(_ source: String) -> TableCell {
        guard let open = source.range(of: "<!--"),
              let close = source.range(of: "-->", range: open.upperBound..<source.endIndex),
              let directive = Directive(String(source[open.lowerBound..<close.upperBound])),
              directive.name == "cell"
        else { return TableCell(RichText(markdown: source)) }
        let text = (source[..<open.lowerBound] + source[close.upperBound...])
            .trimmingCharacters(in: .whitespaces)
        return TableCell(RichText(markdown: text), className: directive.attributes["class"])
    }

    /// A table directive's columns, named by their headers, as column numbers.
    private static func style(_ directive: Directive, header: [String],
                              _ line: Int) throws -> TableStyle {
        let names = header.map { RichText(markdown: $0).plain }
        func column(_ name: String) throws -> Int {
            guard let k = names.firstIndex(of: name) else {
                throw ReproError("report.md line \(line): the table has no column '\(name)' "
                    + "(its columns: \(names.joined(separator: ", ")))")
            }
            return k
        }
        return TableStyle(className: directive.attributes["class"],
                          labelled: try directive.list("labels").map(column))
    }

    /// The name in an `<a id="…"></a>` line.
    static func anchor(_ line: String) -> String? {
        guard line.hasPrefix("<a id=\""), line.hasSuffix("\"></a>") else { return nil }
        let name = line.dropFirst(7).dropLast(6)
        return name.contains("\"") ? nil : String(name)
    }

    static func cells(_ line: String) -> [String] {
        var parts = line.split(separator: "|", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.first == "" { parts.removeFirst() }
        if parts.last == "" { parts.removeLast() }
        return parts
    }
}
