/// Where a malformed template's problem starts, found in its text: the parser notices an
/// unclosed `{{` or `{{#section}}` only further down (the next tag, or the end of the file), so
/// its line number points past the mistake.
enum TemplateOpener {
    /// The 1-based line of the first `{{` that is not closed before the next `{{` or the end.
    static func unclosedTag(_ text: String) -> Int? {
        let chars = Array(text)
        var line = 1, i = 0
        var open: Int?   // line of the `{{` being read
        while i < chars.count {
            if chars[i] == "\n" { line += 1 }
            if i + 1 < chars.count, chars[i] == "{", chars[i + 1] == "{" {
                if let open { return open }
                open = line
                i += 2
                continue
            }
            if i + 1 < chars.count, chars[i] == "}", chars[i + 1] == "}" {
                open = nil
                i += 2
                continue
            }
            i += 1
        }
        return open
    }

    /// The line of the first `{{#name}}` or `{{^name}}` never closed by `{{/name}}`.
    static func unclosedSection(_ text: String) -> Int? {
        var stack: [(name: String, line: Int)] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = Substring(line)
            while let start = rest.range(of: "{{"), let end = rest[start.upperBound...].range(of: "}}") {
                let tag = rest[start.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespaces)
                rest = rest[end.upperBound...]
                guard let sigil = tag.first else { continue }
                let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
                if sigil == "#" || sigil == "^" {
                    stack.append((name, n + 1))
                } else if sigil == "/", let last = stack.last, last.name == name {
                    stack.removeLast()
                }
            }
        }
        return stack.first?.line
    }
}
