import Foundation
import Mustache
import ReproSupport

/// The Markdown templates of one report (`templates/<paper>/*.mustache`, plus the partials of
/// `templates/shared/` it does not override): a main `report` template and the partials it
/// includes. Templates are plain Markdown; Mustache tags fill in results.
/// Nothing is HTML-escaped (the output is Markdown). Every problem names the file and line.
public struct TemplateSet {
    public let directory: URL
    let library: MustacheLibrary
    let keyCheck: TemplateKeyCheck

    public static let main = "report"

    public init(directory: URL) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory),
              isDirectory.boolValue else {
            throw ReproError("template directory \(directory.path) is missing; run from the "
                             + "repository root or pass --templates DIR")
        }
        let own = try Self.templates(in: directory)
        // Partials every report uses (`templates/shared/`, beside the papers' folders); a
        // paper's own file of the same name wins.
        let shared = (try? Self.templates(in: directory.deletingLastPathComponent()
            .appendingPathComponent("shared"))) ?? []
        let names = Set(own.map { $0.deletingPathExtension().lastPathComponent })
        let files = own + shared.filter {
            !names.contains($0.deletingPathExtension().lastPathComponent)
        }
        var templates: [String: MustacheTemplate] = [:]
        var texts: [String: String] = [:]
        for file in files {
            let name = file.deletingPathExtension().lastPathComponent
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder),
               isFolder.boolValue {
                throw ReproError("\(file.path) is a folder, not a template; remove it or rename it "
                                 + "(templates are .mustache files)")
            }
            guard let text = try? String(contentsOf: file, encoding: .utf8) else {
                throw ReproError("\(file.path): cannot read (not UTF-8?)")
            }
            do {
                templates[name] = try MustacheTemplate(string: "{{% CONTENT_TYPE:TEXT}}" + text)
            } catch let error as MustacheTemplate.ParserError {
                // The parser notices an unclosed tag or section only further down: name the
                // line where it opens.
                let opener: (line: Int, what: String)? = switch error.error as? MustacheTemplate.Error {
                case .expectedSectionEnd:
                    TemplateOpener.unclosedSection(text).map { ($0, "a section opened here is never closed") }
                case .unfinishedName:
                    TemplateOpener.unclosedTag(text).map { ($0, "a '{{' here is never closed by '}}'") }
                default: nil
                }
                if let opener {
                    let line = text.split(separator: "\n", omittingEmptySubsequences: false)[opener.line - 1]
                    throw ReproError("\(file.path):\(opener.line): malformed template: \(opener.what) "
                                     + "('\(line.trimmingCharacters(in: .whitespaces))')")
                }
                throw ReproError("\(file.path):\(error.context.lineNumber): malformed template "
                                 + "(\(error.error)) near "
                                 + "'\(error.context.line.trimmingCharacters(in: .whitespaces))'")
            }
            texts[name] = text
        }
        guard templates[Self.main] != nil else {
            let main = directory.appendingPathComponent("\(Self.main).mustache").path
            throw ReproError("\(main) is missing; it is the report's main template")
        }
        // Mustache renders a missing partial as nothing; a report silently losing a section is
        // worse than an error.
        for (name, text) in texts {
            for (number, line) in text.split(separator: "\n",
                                             omittingEmptySubsequences: false).enumerated() {
                for partial in Self.partials(in: String(line)) where templates[partial] == nil {
                    let file = directory.appendingPathComponent("\(name).mustache").path
                    throw ReproError("\(file):\(number + 1): includes '\(partial)', but "
                                     + "\(partial).mustache does not exist")
                }
            }
        }
        try Self.refuseCycles(texts, directory: directory)
        self.directory = directory
        self.library = MustacheLibrary(templates: templates)
        self.keyCheck = TemplateKeyCheck(texts: texts, directory: directory)
    }

    /// A short text with Mustache tags (a figure's caption that names the profile's numbers,
    /// "{{settings.attackImages}} test images") filled from `values`.
    static func fill(_ text: String, _ values: [String: Any]) throws -> String {
        guard text.contains("{{") else { return text }
        return try MustacheTemplate(string: "{{% CONTENT_TYPE:TEXT}}" + text).render(values)
    }

    /// A partial that includes itself, directly or through others, would render forever; it is
    /// refused when the templates are read, in one line that names the chain.
    static func refuseCycles(_ texts: [String: String], directory: URL) throws {
        let includes = texts.mapValues { text in
            text.split(separator: "\n", omittingEmptySubsequences: false)
                .flatMap { partials(in: String($0)) }
        }
        var done: Set<String> = []
        func visit(_ name: String, _ path: [String]) throws {
            if let start = path.firstIndex(of: name) {
                let chain = (path[start...] + [name]).joined(separator: " → ")
                throw ReproError("\(directory.appendingPathComponent("\(path[start]).mustache").path): "
                                 + "partials include each other in a loop (\(chain)); "
                                 + "remove one of these includes")
            }
            guard !done.contains(name) else { return }
            for next in includes[name] ?? [] { try visit(next, path + [name]) }
            done.insert(name)
        }
        for name in texts.keys.sorted() { try visit(name, []) }
    }

    static func templates(in directory: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "mustache" }.sorted { $0.path < $1.path }
    }

    /// Names included with `{{> name}}` on a line.
    static func partials(in line: String) -> [String] {
        var names: [String] = []
        var rest = Substring(line)
        while let open = rest.range(of: "{{>") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            names.append(rest[open.upperBound..<close.lowerBound]
                .trimmingCharacters(in: .whitespaces))
            rest = rest[close.upperBound...]
        }
        return names
    }

    /// Renders the main template; a tag naming a value the context lacks is an error that names
    /// the file and line.
    public func render(_ context: [String: Any]) throws -> String {
        try keyCheck.check(Self.main, values: context)
        return library.render(context, withTemplate: Self.main) ?? ""
    }
}
