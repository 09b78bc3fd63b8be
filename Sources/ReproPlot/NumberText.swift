import Foundation

/// Numbers written on a figure: printf-style, never "-0.00", and negatives with a true minus sign
/// (U+2212), as matplotlib writes them.
public enum NumberText {
    public static func format(_ format: String, _ value: Double) -> String {
        var text = String(format: format, value)
        if text.hasPrefix("-") {
            text.removeFirst()
            if text.contains(where: { ("1"..."9").contains($0) }) { text = "\u{2212}" + text }
        }
        return text
    }
}
