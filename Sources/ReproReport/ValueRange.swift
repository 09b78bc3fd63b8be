import ReproSupport

/// The values of a claim's statistic for which the claim holds: a half-line or an interval,
/// each end open or closed ("≥ 0.98", "> 0", "12 … 24").
public struct ValueRange: Codable, Sendable, Equatable {
    public var lower: Double?
    public var lowerInclusive: Bool
    public var upper: Double?
    public var upperInclusive: Bool

    public init(lower: Double?, lowerInclusive: Bool = true, upper: Double?, upperInclusive: Bool = true) {
        self.lower = lower; self.lowerInclusive = lowerInclusive
        self.upper = upper; self.upperInclusive = upperInclusive
    }

    public static func atLeast(_ x: Double) -> ValueRange { ValueRange(lower: x, upper: nil) }
    public static func above(_ x: Double) -> ValueRange { ValueRange(lower: x, lowerInclusive: false, upper: nil) }
    public static func atMost(_ x: Double) -> ValueRange { ValueRange(lower: nil, upper: x) }
    public static func below(_ x: Double) -> ValueRange { ValueRange(lower: nil, upper: x, upperInclusive: false) }
    public static func between(_ a: Double, _ b: Double) -> ValueRange { ValueRange(lower: a, upper: b) }

    public func contains(_ x: Double) -> Bool {
        guard !x.isNaN else { return false }
        if let lower, lowerInclusive ? x < lower : x <= lower { return false }
        if let upper, upperInclusive ? x > upper : x >= upper { return false }
        return true
    }

    /// Where an interval of the statistic lies against the range.
    public enum Relation: String, Sendable { case inside, outside, straddles }

    public func relation(of interval: ClosedRange<Double>) -> Relation {
        if contains(interval.lowerBound) && contains(interval.upperBound) { return .inside }
        // Entirely below the lower end or entirely above the upper end.
        if let lower, lowerInclusive ? interval.upperBound < lower : interval.upperBound <= lower { return .outside }
        if let upper, upperInclusive ? interval.lowerBound > upper : interval.lowerBound >= upper { return .outside }
        return .straddles
    }

    /// "≥ 0.98", "> 0", "≤ 0", "12 … 24", printed with `format`.
    public func text(_ format: (Double) -> String) -> String {
        switch (lower, upper) {
        case let (l?, u?): return "\(format(l)) … \(format(u))"
        case let (l?, nil): return (lowerInclusive ? "≥ " : "> ") + format(l)
        case let (nil, u?): return (upperInclusive ? "≤ " : "< ") + format(u)
        case (nil, nil): return "any"
        }
    }
}
