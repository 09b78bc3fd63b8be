/// An sRGB colour with alpha, components in [0, 1].
public struct Color: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var red: Double
    public var green: Double
    public var blue: Double
    public var alpha: Double

    public init(_ red: Double, _ green: Double, _ blue: Double, alpha: Double = 1) {
        self.red = red; self.green = green; self.blue = blue; self.alpha = alpha
    }

    /// `#rrggbb` (the leading `#` is optional).
    public init(hex: String, alpha: Double = 1) {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        let value = UInt32(digits, radix: 16) ?? 0
        self.init(Double(value >> 16 & 0xff) / 255, Double(value >> 8 & 0xff) / 255,
                  Double(value & 0xff) / 255, alpha: alpha)
    }

    public func withAlpha(_ alpha: Double) -> Color { Color(red, green, blue, alpha: alpha) }

    /// Relative luminance (WCAG), used to pick readable text on a coloured cell.
    public var luminance: Double {
        func linear(_ c: Double) -> Double {
            c <= 0.03928 ? c / 12.92 : _pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// Black or white, whichever contrasts more with this colour.
    public var contrastingText: Color {
        let l = luminance
        return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? .black : .white
    }

    public var description: String {
        func byte(_ c: Double) -> String {
            String(Int((min(max(c, 0), 1) * 255).rounded()), radix: 16).leftPadded(to: 2)
        }
        return "#" + byte(red) + byte(green) + byte(blue)
    }

    public static let black = Color(0, 0, 0)
    public static let white = Color(1, 1, 1)
    public static let clear = Color(0, 0, 0, alpha: 0)
    /// Dark grey for text and axes, a little softer than pure black.
    public static let ink = Color(hex: "#262626")
    public static let gridLine = Color(hex: "#b0b0b0", alpha: 0.5)
}

extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}

#if canImport(Glibc)
import Glibc
func _pow(_ a: Double, _ b: Double) -> Double { Glibc.pow(a, b) }
#else
import Foundation
func _pow(_ a: Double, _ b: Double) -> Double { Foundation.pow(a, b) }
#endif
