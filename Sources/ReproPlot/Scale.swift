#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// How data values map onto an axis.
public enum Scale: Equatable, Sendable {
    case linear
    case log10

    /// Position of `value` between `low` and `high` as a fraction (0 at low, 1 at high).
    public func fraction(_ value: Double, low: Double, high: Double) -> Double {
        switch self {
        case .linear: return high == low ? 0.5 : (value - low) / (high - low)
        case .log10:
            guard value > 0, low > 0, high > low else { return .nan }
            return (decimalLog(value) - decimalLog(low)) / (decimalLog(high) - decimalLog(low))
        }
    }

    /// Whether a value can be shown on this scale at all.
    public func accepts(_ value: Double) -> Bool {
        value.isFinite && (self == .linear || value > 0)
    }
}

private func decimalLog(_ x: Double) -> Double { log10(x) }
