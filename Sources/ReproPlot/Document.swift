import Foundation

/// A simple document for PDF output: the blocks a Markdown report is made of.
public enum DocumentBlock: Equatable, Sendable {
    case heading(level: Int, text: String)
    case paragraph(String)
    case quote(String)
    case bullet(String)
    case table(header: [String], rows: [[String]])
    case image(URL, caption: String?)
    case rule
}
