/// When APGD checks whether to halve its step size (Croce & Hein 2020; protocol B §3.3 item 5).
///
/// The first window is max(⌊0.22·N⌋, 1) iterations; each following one is shorter by
/// max(⌊0.03·N⌋, 1), down to max(⌊0.06·N⌋, 1). This is the paper's p₀ = 0, p₁ = 0.22,
/// p_{j+1} = p_j + max(p_j − p_{j−1} − 0.03, 0.06), with the floors of the reference code.
/// N = 100: checks after iterations 22, 41, 57, 70, 80, 87, 93, 99; N = 10: after 2, 3, …, 10.
public enum APGDSchedule {
    /// A check after iteration `afterIteration` (1-based) over the last `window` iterations.
    public struct Checkpoint: Sendable, Equatable {
        public let afterIteration: Int
        public let window: Int

        public init(afterIteration: Int, window: Int) {
            self.afterIteration = afterIteration
            self.window = window
        }
    }

    /// All checks that fall within `steps` iterations. The fractions are multiplied in double
    /// precision and truncated, as Python's `int(0.22 * steps)` does.
    public static func checkpoints(steps: Int) -> [Checkpoint] {
        let first = max(Int(0.22 * Double(steps)), 1)
        let shortest = max(Int(0.06 * Double(steps)), 1)
        let decrease = max(Int(0.03 * Double(steps)), 1)
        var result: [Checkpoint] = []
        var window = first
        var end = first
        while end <= steps {
            result.append(Checkpoint(afterIteration: end, window: window))
            window = max(window - decrease, shortest)
            end += window
        }
        return result
    }
}
