import Foundation
import Ink
import ReproSupport

/// Markdown to one self-contained HTML page (Ink for the Markdown, CSS inline, figures embedded as
/// data URIs), readable on a laptop and a phone.
public enum HTMLReport {
    public static func make(markdown: String, title: String, base: URL) throws -> String {
        var body = MarkdownParser().html(from: markdown)
        body = try embedImages(body, base: base)
        // The claims table (the first after the "Claims" heading) turns into cards on phones.
        if let heading = body.range(of: "<h2>Claims</h2>"), let table = body[heading.upperBound...].range(of: "<table>") {
            body.replaceSubrange(table, with: "<table class=\"claims\">")
        }
        for (verdict, css) in [("does not hold", "no"), ("holds only under the published code&#39;s pruning", "partly"),
                               ("holds only under the published code's pruning", "partly"), ("holds", "yes"), ("cannot be tested", "untested")] {
            body = body.replacingOccurrences(of: "<strong>\(verdict)</strong>", with: "<strong class=\"verdict \(css)\">\(verdict)</strong>")
        }
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>\(css)</style>
        </head>
        <body>
        <main>
        \(body)
        </main>
        </body>
        </html>
        """
    }

    /// Replaces every `src="…png"` with the file's bytes as a data URI.
    static func embedImages(_ html: String, base: URL) throws -> String {
        var out = "", rest = Substring(html)
        while let start = rest.range(of: "src=\"") {
            out += rest[..<start.upperBound]
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            let path = String(rest[..<end])
            if path.hasSuffix(".png"), !path.hasPrefix("data:") {
                guard let data = try? Data(contentsOf: base.appendingPathComponent(path)) else {
                    throw ReproError("report.html: figure \(path) is missing; re-run build-report")
                }
                out += "data:image/png;base64," + data.base64EncodedString()
            } else {
                out += path
            }
            rest = rest[end...]
        }
        return out + rest
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    static let css = """
    :root { color-scheme: light; }
    body { margin: 0; background: #fafafa; color: #222; font: 16px/1.55 "DejaVu Sans", system-ui, -apple-system, "Segoe UI", sans-serif; }
    main { max-width: 1000px; margin: 0 auto; padding: 24px 20px 64px; background: #fff; }
    h1 { font-size: 1.7em; line-height: 1.25; margin-top: 0.4em; }
    h2 { font-size: 1.35em; margin-top: 2em; border-bottom: 1px solid #e5e5e5; padding-bottom: 0.2em; }
    h3 { font-size: 1.1em; margin-top: 1.5em; }
    img { max-width: 100%; height: auto; display: block; margin: 1em auto 0.3em; border: 1px solid #eee; }
    table { border-collapse: collapse; display: block; overflow-x: auto; max-width: 100%; margin: 1em 0; font-size: 0.88em; }
    th, td { border: 1px solid #ddd; padding: 5px 9px; text-align: left; vertical-align: top; }
    th { background: #f3f3f3; }
    tr:nth-child(even) td { background: #fcfcfc; }
    code { font-size: 0.9em; background: #f4f4f4; padding: 1px 4px; border-radius: 3px; word-break: break-all; }
    blockquote { margin: 1em 0; padding: 0.6em 1em; background: #fff8e5; border-left: 4px solid #f0b429; }
    em { color: #444; }
    .verdict { white-space: nowrap; padding: 1px 6px; border-radius: 4px; }
    .verdict.yes { background: #e3f5e1; color: #1b6e1b; }
    .verdict.no { background: #fde2e1; color: #a11b1b; }
    .verdict.partly { background: #fff1d6; color: #8a5a00; white-space: normal; }
    .verdict.untested { background: #eee; color: #555; }
    @media (max-width: 600px) {
      body { font-size: 15px; } main { padding: 12px; } h1 { font-size: 1.35em; }
      table.claims, table.claims tbody, table.claims tr, table.claims td { display: block; }
      table.claims thead { display: none; }
      table.claims tr { border: 1px solid #ddd; border-radius: 6px; margin: 0 0 12px; padding: 6px 8px; }
      table.claims td { border: none; padding: 2px 0; background: none !important; }
      table.claims td:first-child { font-weight: bold; }
      table.claims td:nth-child(4)::before { content: "published: "; color: #777; }
      table.claims td:nth-child(5)::before { content: "reproduced: "; color: #777; }
    }
    """
}
