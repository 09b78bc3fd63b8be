import ReproSupport
import Foundation

/// Learning rates as the paper writes them: 3e-2, 1e-4.
public enum RateLabel {
    public static func text(_ lr: Double) -> String {
        let exponent = Int(floor(log10(lr)))
        return "\(Int((lr / pow(10, Double(exponent))).rounded()))e\(exponent)"
    }
}
