/// Basic Iterative Method (Kurakin et al. 2017), as Torchattacks' `BIM` (protocol B §3.3): start at
/// x (no random start); `steps` times x ← P(x + α·sign(∇CE(x))), P the clamp to
/// [max(x₀ − ε, 0), min(x₀ + ε, 1)]. Returns the last iterate. One gradient evaluation per step.
public struct BIM: LInfAttack {
    public let epsilon: Double
    public let alpha: Double
    public let steps: Int

    public init(epsilon: Double, alpha: Double, steps: Int) {
        precondition(epsilon >= 0 && alpha >= 0 && steps >= 0, "negative BIM setting")
        self.epsilon = epsilon
        self.alpha = alpha
        self.steps = steps
    }

    /// Torchattacks' rule for `steps = 0` (its default in v2.x–v3.2), from Kurakin et al.:
    /// ⌊min(255ε + 4, 1.25·255ε)⌋, computed in double precision like Python's `int(min(...))`.
    /// 5 for ε = 4/255, 80 for ε = 0.3 (protocol B §3.3).
    public static func automaticSteps(epsilon: Double) -> Int {
        Int(min(epsilon * 255 + 4, 1.25 * epsilon * 255))
    }

    /// α = 1/255 with the automatic step count: what `torchattacks.BIM(model, eps=ε)` did in
    /// mid-2021. The automatic rule was built for a step of one grey level, so α is kept, not
    /// scaled: steps·α then lies between 1.05ε and 1.18ε on the ε grid, and BIM just reaches the
    /// faces of the box. Scaling α to ε/4 as well would make 80 steps of 0.075 at ε = 0.3.
    public static func standard(epsilon: Double) -> BIM {
        let rule = StepRule.standard(.bim, epsilon: epsilon)
        return BIM(epsilon: epsilon, alpha: rule.alpha, steps: rule.steps)
    }

    public var kind: AttackKind { .bim }
    public var description: String { "BIM(ε=\(epsilon), α=\(alpha), steps=\(steps))" }

    /// Deterministic: `rng` is not used.
    public func attack(
        model: some DifferentiableClassifier, inputs: [Float], labels: [Int],
        rng: inout some RandomNumberGenerator
    ) -> [Float] {
        signedGradientAscent(model: model, inputs: inputs, labels: labels, epsilon: epsilon,
                             alpha: alpha, steps: steps, randomStart: false, rng: &rng)
    }
}
