import Foundation
import ReproSupport

/// What `paper/<id>/` says about a paper: its metadata, figure list (ids and captions), published
/// numbers and claims.
public struct PaperFacts: Sendable {
    public struct Metadata: Codable, Sendable { public var id, title, authors, summary: String }
    public struct FigureInfo: Codable, Sendable { public var id, label, section, caption: String }

    public var metadata: Metadata
    public var figures: [FigureInfo]
    /// `published.json` as written; each paper decodes it with its own schema (`published(as:)`).
    public var published: JSONValue
    public var claims: [Claim]
    /// The folder the facts were read from (`--paper-facts` and the paper's id).
    public var directory: URL

    /// Reads `directory/paper.json`, `figures.json`, `published.json` and `claims.json`.
    public init(directory: URL) throws {
        func read<T: Decodable>(_ name: String, _ type: T.Type) throws -> T {
            let url = directory.appendingPathComponent(name)
            guard let data = try? Data(contentsOf: url) else {
                throw ReproError("\(url.path) is missing; the paper facts live in paper/<paper>/ "
                                 + "of the repository")
            }
            do {
                return try JSONDecoder().decode(type, from: data)
            } catch let error as DecodingError {
                let place = Self.syntaxErrorPlace(data).map { ":\($0.line):\($0.column)" } ?? ""
                throw ReproError("\(url.path)\(place): \(Self.describe(error))")
            }
        }
        self.directory = directory
        metadata = try read("paper.json", Metadata.self)
        figures = try read("figures.json", [FigureInfo].self)
        published = try read("published.json", JSONValue.self)
        claims = try read("claims.json", [Claim].self)
    }

    public func figure(_ id: String) -> FigureInfo? { figures.first { $0.id == id } }

    /// The published numbers in the paper's own schema; a mismatch names the field.
    public func published<T: Decodable>(as type: T.Type) throws -> T {
        do { return try published.decode(type) } catch let error as DecodingError {
            throw ReproError("\(directory.appendingPathComponent("published.json").path): "
                             + Self.describe(error))
        }
    }

    public static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "missing field '\(key.stringValue)' at \(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong value at \(path(context)): \(context.debugDescription)"
        case .dataCorrupted(let context) where !context.codingPath.isEmpty:
            return "wrong value at \(path(context)): \(context.debugDescription)"
        case .dataCorrupted(let context):
            return "not valid JSON "
                + "(\(context.underlyingError.map { "\($0)" } ?? context.debugDescription))"
        @unknown default: return "\(error)"
        }
    }

    /// Line and column (1-based) of a JSON syntax error in `data`, from the character offset
    /// JSONSerialization reports ("around character 12"); nil when the JSON parses.
    static func syntaxErrorPlace(_ data: Data) -> (line: Int, column: Int)? {
        do { _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]); return nil } catch {
            let text = "\((error as NSError).userInfo[NSDebugDescriptionErrorKey] ?? "")"
            guard let range = text.range(of: "character "),
                  let offset = Int(text[range.upperBound...].prefix { $0.isNumber }) else { return nil }
            let before = data.prefix(offset)
            let line = before.filter { $0 == UInt8(ascii: "\n") }.count + 1
            let column = before.count - (before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0) + 1
            return (line, column)
        }
    }

    static func path(_ context: DecodingError.Context) -> String {
        context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            .drop { $0 == "." }.description
    }
}

extension PaperFacts {
    /// "paper/paper2/claims.json, line 3, claim C2": where a claim's error is, its line the one
    /// holding its `"id"` (left out when the file cannot be read or has no such line).
    public static func claimPlace(_ file: String, _ id: String) -> String {
        let pattern = "\"id\"\\s*:\\s*\"" + NSRegularExpression.escapedPattern(for: id) + "\""
        guard let text = try? String(contentsOfFile: file, encoding: .utf8),
              let regex = try? NSRegularExpression(pattern: pattern) else {
            return "\(file), claim \(id)"
        }
        let lines = text.components(separatedBy: "\n")
        guard let n = lines.firstIndex(where: {
            regex.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil
        }) else { return "\(file), claim \(id)" }
        return "\(file), line \(n + 1), claim \(id)"
    }

    /// The checks every paper's facts pass: unique claim ids, each claim's figure in
    /// `figures.json`, and no negative margin.
    public func checkShared(directory: URL) throws {
        let file = directory.appendingPathComponent("claims.json").path
        var seen: Set<String> = []
        for claim in claims {
            guard seen.insert(claim.id).inserted else {
                throw ReproError("\(file): claim id \(claim.id) is used twice; give each claim its own id")
            }
            if !claim.figure.isEmpty, figure(claim.figure) == nil {
                throw ReproError("\(Self.claimPlace(file, claim.id)): figure '\(claim.figure)' is not in "
                                 + "figures.json; name a listed figure")
            }
            if case .object(let test) = claim.test, case .object(let rule)? = test["rule"] {
                let margin: Double
                switch rule["margin"] {
                case .double(let m)?: margin = m
                case .int(let m)?: margin = Double(m)
                case .string(let text)?:
                    throw ReproError("\(Self.claimPlace(file, claim.id)): the margin \"\(text)\" is text; "
                                     + "write it as a number")
                default: margin = 0
                }
                guard margin < 0 else { continue }
                throw ReproError("\(Self.claimPlace(file, claim.id)): the margin \(margin) is negative; "
                                 + "a margin is the least difference that counts (≥ 0)")
            }
        }
    }
}
