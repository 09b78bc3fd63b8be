#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// A tick mark: where it is (in data units) and what it says.
public struct Tick: Equatable, Sendable {
    public var value: Double
    public var label: String
    public init(_ value: Double, _ label: String) { self.value = value; self.label = label }
}

/// Tick positions a reader trusts: 1, 2 or 5 × 10^k on linear axes, powers of ten on log axes.
public enum TickGenerator {
    /// The nice step (1, 2 or 5 × 10^k) that splits `span` into about `target` intervals.
    public static func niceStep(span: Double, target: Int = 5) -> Double {
        guard span > 0, span.isFinite else { return 1 }
        let raw = span / Double(max(target, 1))
        let magnitude = pow(10, floor(log10(raw)))
        let residual = raw / magnitude
        let factor: Double = residual < 1.5 ? 1 : residual < 3 ? 2 : residual < 7 ? 5 : 10
        return factor * magnitude
    }

    /// Ticks at multiples of the nice step inside `low … high`.
    public static func linear(low: Double, high: Double, target: Int = 5) -> [Tick] {
        guard high > low else { return [Tick(low, format(low, step: 1))] }
        let step = niceStep(span: high - low, target: target)
        let first = ceil(low / step - 1e-9)
        let last = floor(high / step + 1e-9)
        guard last >= first, last - first < 1000 else { return [] }
        return stride(from: first, through: last, by: 1).map { k in
            let value = k * step
            return Tick(value, format(value, step: step))
        }
    }

    /// Powers of ten inside `low … high` (both > 0); when fewer than two fit, 1-2-5 steps inside
    /// the decade.
    public static func log(low: Double, high: Double) -> [Tick] {
        guard low > 0, high > low else { return [] }
        let first = Int(ceil(log10(low) - 1e-9)), last = Int(floor(log10(high) + 1e-9))
        if last - first >= 1 {
            let stride = max(1, (last - first + 1 + 7) / 8)   // at most ~8 labelled decades
            return Swift.stride(from: first, through: last, by: stride).map {
                Tick(pow(10, Double($0)), powerOfTen($0))
            }
        }
        var ticks: [Tick] = []
        for exponent in (first - 1)...(last + 1) {
            for m in [1.0, 2, 5] {
                let v = m * pow(10, Double(exponent))
                if v >= low * (1 - 1e-9) && v <= high * (1 + 1e-9) {
                    ticks.append(Tick(v, format(v, step: v / 10)))
                }
            }
        }
        return ticks
    }

    /// Unlabelled minor ticks of a log axis: 2…9 × 10^k.
    public static func logMinor(low: Double, high: Double) -> [Double] {
        guard low > 0, high > low else { return [] }
        var values: [Double] = []
        for exponent in Int(floor(log10(low)))...Int(ceil(log10(high))) {
            for m in 2...9 {
                let v = Double(m) * pow(10, Double(exponent))
                if v > low && v < high { values.append(v) }
            }
        }
        return values
    }

    /// `10⁻⁴`, with Unicode superscripts (DejaVu Sans has them).
    public static func powerOfTen(_ exponent: Int) -> String {
        if exponent == 0 { return "1" }
        if exponent == 1 { return "10" }
        let superscripts: [Character: Character] = ["0": "⁰", "1": "¹", "2": "²", "3": "³",
                                                    "4": "⁴", "5": "⁵",
                                                    "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
                                                    "-": "⁻"]
        return "10" + String(String(exponent).map { superscripts[$0]! })
    }

    /// A tick value with as many decimals as the step needs; never `-0`; negative numbers take a
    /// true minus sign (U+2212), as matplotlib's labels do.
    public static func format(_ value: Double, step: Double) -> String {
        let decimals = max(0, Int(-floor(log10(abs(step)) + 1e-9)))
        let rounded = abs(value) < abs(step) * 1e-6 ? 0 : value
        let text = decimals == 0 ? String(Int(rounded.rounded()))
                                 : fixed(rounded, decimals: min(decimals, 10))
        return text.hasPrefix("-") ? "\u{2212}" + text.dropFirst() : text
    }

    static func fixed(_ value: Double, decimals: Int) -> String {
        let scale = pow(10, Double(decimals))
        let n = Int((abs(value) * scale).rounded())
        let whole = n / Int(scale), fraction = n % Int(scale)
        let digits = String(fraction).leftPadded(to: decimals)
        return (value < 0 && n != 0 ? "-" : "") + "\(whole).\(digits)"
    }
}
