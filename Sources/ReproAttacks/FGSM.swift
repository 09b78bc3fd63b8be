/// Fast Gradient Sign Method (Goodfellow et al. 2015), as Torchattacks' `FGSM`:
/// x_adv = clip(x + ε·sign(∇ₓ CE(f(x), y)), 0, 1) (protocol B §3.3). One gradient evaluation.
public struct FGSM: LInfAttack {
    public let epsilon: Double

    public init(epsilon: Double) {
        precondition(epsilon >= 0, "ε must be non-negative")
        self.epsilon = epsilon
    }

    /// FGSM has no step rule to choose: the single step has length ε.
    public static func standard(epsilon: Double) -> FGSM {
        FGSM(epsilon: epsilon)
    }

    public var kind: AttackKind { .fgsm }
    public var description: String { "FGSM(ε=\(epsilon))" }

    /// Deterministic: `rng` is not used.
    public func attack(
        model: some DifferentiableClassifier, inputs: [Float], labels: [Int],
        rng: inout some RandomNumberGenerator
    ) -> [Float] {
        signedGradientAscent(model: model, inputs: inputs, labels: labels, epsilon: epsilon,
                             alpha: epsilon, steps: 1, randomStart: false, rng: &rng)
    }
}
