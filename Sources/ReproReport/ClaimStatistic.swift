import ReproSupport

/// The one number a claim's rule decides on, with the values for which the claim holds. A
/// bootstrap over seeds gives it an interval; an interval that straddles the range's edge means
/// other seeds could flip the verdict.
public struct ClaimStatistic: Codable, Sendable, Equatable {
    /// What the number is, e.g. "mean held-out F1 at h = 4 on 0/1".
    public var name: String
    public var value: Double
    public var holdsIn: ValueRange
    /// Decimal places to print it with (0 for counts and hidden sizes).
    public var digits: Int

    public init(_ name: String, value: Double, holdsIn: ValueRange, digits: Int = 3) {
        self.name = name; self.value = value; self.holdsIn = holdsIn; self.digits = digits
    }

    public func format(_ x: Double) -> String {
        x.isNaN ? "n/a" : x.isInfinite ? (x > 0 ? "none" : "−∞") : Digits.fixed(x, digits)
    }

    /// "0.995 (holds if ≥ 0.98)".
    public var text: String { "\(format(value)) (holds if \(holdsIn.text(format)))" }
}

/// A claim's outcome on one set of seeds: the sentence the report prints, the verdict, and the
/// statistic the verdict was decided on (nil for claims that rest on one model, e.g. a t-SNE).
public struct ClaimMeasurement: Sendable {
    public var reproduced: String
    public var verdict: Verdict
    public var statistic: ClaimStatistic?

    public init(_ reproduced: String, _ verdict: Verdict, statistic: ClaimStatistic? = nil) {
        self.reproduced = reproduced; self.verdict = verdict; self.statistic = statistic
    }
}
