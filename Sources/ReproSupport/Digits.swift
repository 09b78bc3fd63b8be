import Foundation

/// Numbers as the reports and the terminal print them: fixed decimals, "–" for a value that is
/// not finite (a diverged model, an empty group). (Figures use `NumberText`, which also writes a
/// true minus sign; reports keep ASCII so that they diff and grep cleanly.)
public enum Digits {
    public static func fixed(_ x: Double, _ digits: Int = 3) -> String {
        x.isFinite ? String(format: "%.\(digits)f", x) : "–"
    }

    /// "mean ± std", or "–" when there is nothing to summarise.
    public static func meanStd(_ s: Summary?, _ digits: Int = 3) -> String {
        guard let s, s.count > 0 else { return "–" }
        return "\(fixed(s.mean, digits)) ± \(fixed(s.std, digits))"
    }

    /// An integer with commas between thousands: 393,216.
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (k, c) in digits.enumerated() {
            if k > 0, (digits.count - k) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
}
