/// "Fast is better than free" FGSM (Wong et al. 2020), as Torchattacks' `FFGSM` (protocol B §3.3):
/// x₁ = clip(x + U(−ε, ε), 0, 1); x₂ = x₁ + α·sign(∇CE(x₁)); x_adv = P(x₂), P the clamp to
/// [max(x − ε, 0), min(x + ε, 1)]. One gradient evaluation.
public struct FFGSM: LInfAttack {
    public let epsilon: Double
    /// Step from the random start; `standard` uses 1.25·ε.
    public let alpha: Double

    public init(epsilon: Double, alpha: Double) {
        precondition(epsilon >= 0 && alpha >= 0, "ε and α must be non-negative")
        self.epsilon = epsilon
        self.alpha = alpha
    }

    /// α = 1.25·ε: Torchattacks' defaults (ε = 8/255, α = 10/255, unchanged in every version)
    /// scaled to keep their ratio, which is also Wong et al.'s choice. A step of 1.25ε from a
    /// uniform start reaches the favoured face of the box only if the start lies at most ε/4 on
    /// the wrong side (5 starts in 8), so FFGSM is weaker than FGSM on a linear model.
    public static func standard(epsilon: Double) -> FFGSM {
        let rule = StepRule.standard(.ffgsm, epsilon: epsilon)
        return FFGSM(epsilon: epsilon, alpha: rule.alpha)
    }

    public var kind: AttackKind { .ffgsm }
    public var description: String { "FFGSM(ε=\(epsilon), α=\(alpha))" }

    /// Draws one uniform value per input value, row-major.
    public func attack(
        model: some DifferentiableClassifier, inputs: [Float], labels: [Int],
        rng: inout some RandomNumberGenerator
    ) -> [Float] {
        signedGradientAscent(model: model, inputs: inputs, labels: labels, epsilon: epsilon,
                             alpha: alpha, steps: 1, randomStart: true, rng: &rng)
    }
}
