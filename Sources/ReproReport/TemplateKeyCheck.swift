import Foundation
import ReproSupport

/// Mustache renders a missing key as nothing; a report silently losing a number is worse than an
/// error. This walks a template (and its partials) against the values it will be rendered with:
/// every `{{variable}}` must resolve; a `{{#section}}` may test an optional last key, but its
/// parent must exist (so `{{#figures.fig4}}` may be absent, `{{#figurse.fig4}}` may not).
struct TemplateKeyCheck {
    let texts: [String: String]
    let directory: URL

    func check(_ name: String, values: [String: Any]) throws {
        var stack: [Any] = [values]
        try walk(name, stack: &stack)
    }

    private func walk(_ name: String, stack: inout [Any]) throws {
        guard let text = texts[name] else { return }
        var rest = Substring(text)
        var line = 1
        var skipDepth = 0           // inside sections whose value is unknown (absent, empty list)
        var opened: [Opened] = []
        while let open = rest.range(of: "{{") {
            line += rest[..<open.lowerBound].filter { $0 == "\n" }.count
            let triple = rest[open.upperBound...].hasPrefix("{")
            guard let close = rest[open.upperBound...].range(of: triple ? "}}}" : "}}") else {
                break
            }
            var tag = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            line += tag.filter { $0 == "\n" }.count
            rest = rest[close.upperBound...]
            if triple { tag.removeFirst() }
            guard let sigil = tag.first else { continue }
            let key = String(tag.dropFirst()).trimmingCharacters(in: .whitespaces)
            switch sigil {
            case "!", "%", "=": continue
            case ">":
                if skipDepth == 0 { try walk(key, stack: &stack) }
            case "#", "^":
                guard skipDepth == 0 else { skipDepth += 1; opened.append(.skipped); continue }
                let value = try lookup(key, stack, name, line, optional: true)
                if let dict = value as? [String: Any] {
                    stack.append(dict); opened.append(.pushed)
                } else if let list = value as? [[String: Any]], let first = list.first {
                    stack.append(first); opened.append(.pushed)
                } else if value == nil || (value as? [Any])?.isEmpty == true
                            || (sigil == "#" && (value as? Bool) == false) {
                    // Not rendered: an absent key, an empty list, or a false flag's `#` section.
                    skipDepth += 1; opened.append(.skipped)
                } else {
                    opened.append(.plain)
                }
            case "/":
                switch opened.popLast() {
                case .pushed?: stack.removeLast()
                case .skipped?: skipDepth -= 1
                default: break
                }
            default:
                if skipDepth == 0 { _ = try lookup(tag, stack, name, line, optional: false) }
            }
        }
    }

    private enum Opened { case pushed, skipped, plain }

    /// The value of a dotted key, searched from the innermost context outwards.
    private func lookup(_ key: String, _ stack: [Any], _ file: String, _ line: Int,
                        optional: Bool) throws -> Any? {
        if key == "." { return stack.last }
        let parts = key.split(separator: ".").map(String.init)
        for context in stack.reversed() {
            guard let dict = context as? [String: Any], var value = dict[parts[0]] else { continue }
            for (k, part) in parts.dropFirst().enumerated() {
                guard let next = (value as? [String: Any])?[part] else {
                    if optional && k == parts.count - 2 { return nil }
                    throw missing(key, file, line)
                }
                value = next
            }
            return value
        }
        if optional && parts.count == 1 { return nil }
        throw missing(key, file, line)
    }

    private func missing(_ key: String, _ file: String, _ line: Int) -> ReproError {
        ReproError("\(directory.appendingPathComponent("\(file).mustache").path):\(line): "
                   + "names '\(key)', which the report does not provide")
    }
}
