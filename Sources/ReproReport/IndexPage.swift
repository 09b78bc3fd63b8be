import Foundation
import Ink
import ReproSupport

/// `output/index.{md,html}`: one line per paper with its verdict counts and links to its report.
/// Building one paper keeps the others' lines (kept in `index.json` beside the page).
public enum IndexPage {
    public struct Entry: Codable, Sendable, Equatable {
        public var paper: String
        public var title: String
        public var counts: [String: Int]

        public init(paper: String, title: String, claims: [ClaimResult]) {
            self.paper = paper
            self.title = title
            var counts: [String: Int] = [:]
            for c in claims { counts[c.verdict.kind.rawValue, default: 0] += 1 }
            self.counts = counts
        }

        /// "7 hold, 2 hold in part, 1 does not hold", in that order, zero counts left out.
        var verdicts: String {
            let words: [(Verdict.Kind, String, String)] = [
                (.holds, "holds", "hold"), (.partly, "holds in part", "hold in part"),
                (.doesNotHold, "does not hold", "do not hold"),
                (.untestable, "cannot be tested", "cannot be tested"),
            ]
            return words.compactMap { kind, one, many in
                guard let n = counts[kind.rawValue], n > 0 else { return nil }
                return "\(n) \(n == 1 ? one : many)"
            }.joined(separator: ", ")
        }
    }

    /// The new entries, and the existing ones of papers not rebuilt this time.
    public static func merge(_ entries: [Entry], into root: URL) -> [Entry] {
        let stored = (try? Data(contentsOf: root.appendingPathComponent("index.json")))
            .flatMap { try? CanonicalJSON.decode([Entry].self, from: $0) } ?? []
        let rebuilt = Set(entries.map(\.paper))
        return (stored.filter { !rebuilt.contains($0.paper) } + entries).sorted {
            $0.paper < $1.paper
        }
    }

    public static func markdown(_ entries: [Entry]) -> String {
        var lines = ["# Reproduction reports", "",
                     "Each report is rebuilt from scratch by `repro build-report`.", "",
                     "| paper | title | verdicts | report |", "|---|---|---|---|"]
        for e in entries {
            lines.append("| \(e.paper) | \(e.title) | \(e.verdicts) | "
                         + "[HTML](\(e.paper)/report.html) · [PDF](\(e.paper)/report.pdf) · "
                         + "[Markdown](\(e.paper)/report.md) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @discardableResult
    public static func write(_ entries: [Entry], to root: URL) throws -> [URL] {
        let md = root.appendingPathComponent("index.md"),
            html = root.appendingPathComponent("index.html")
        let text = markdown(entries)
        try AtomicFile.write(Data(text.utf8), to: md)
        let body = MarkdownParser().html(from: text)
        let page = "<!doctype html><html><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<title>Reproduction "
            + "reports</title><style>body{font-family:sans-serif;max-width:60em;"
            + "margin:2em auto;padding:0 1em}table{border-collapse:collapse}td,th{border:1px solid "
            + "#ccc;"
            + "padding:.3em .6em;text-align:left}</style></head><body>\(body)</body></html>\n"
        try AtomicFile.write(Data(page.utf8), to: html)
        try AtomicFile.write(CanonicalJSON.encode(entries, pretty: true),
                             to: root.appendingPathComponent("index.json"))
        return [md, html]
    }
}
