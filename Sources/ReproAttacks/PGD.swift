/// Projected Gradient Descent (Madry et al. 2018), as Torchattacks' `PGD` (protocol B §3.3):
/// optional start x ← clip(x₀ + U(−ε, ε), 0, 1); `steps` times x ← P(x + α·sign(∇CE(x))), P the
/// clamp to [max(x₀ − ε, 0), min(x₀ + ε, 1)]. Returns the last iterate (not the best one).
public struct PGD: LInfAttack {
    public let epsilon: Double
    public let alpha: Double
    public let steps: Int
    public let randomStart: Bool

    public init(epsilon: Double, alpha: Double, steps: Int, randomStart: Bool = true) {
        precondition(epsilon >= 0 && alpha >= 0 && steps >= 0, "negative PGD setting")
        self.epsilon = epsilon
        self.alpha = alpha
        self.steps = steps
        self.randomStart = randomStart
    }

    /// 40 steps with a random start (Torchattacks v3.0–v3.2, mid-2021) and α = 2.5·ε/40 = ε/16.
    ///
    /// Torchattacks' own ratio, α = 2/255 at ε = 0.3, gives 40 steps a total travel of only 1.05ε,
    /// while a pixel that starts near −ε needs 2ε to reach +ε: from a random start such a PGD is
    /// weaker than FGSM even on a linear model. Madry et al.'s rule of thumb, steps·α = 2.5ε,
    /// lets every pixel cross the box, so PGD can reach FGSM's corner and beyond. At ε = 0.3
    /// this is α = 0.01875 (4.8/255) instead of 2/255.
    public static func standard(epsilon: Double) -> PGD {
        let rule = StepRule.standard(.pgd, epsilon: epsilon)
        return PGD(epsilon: epsilon, alpha: rule.alpha, steps: rule.steps,
                   randomStart: rule.randomStart)
    }

    public var kind: AttackKind { .pgd }
    public var description: String {
        "PGD(ε=\(epsilon), α=\(alpha), steps=\(steps), randomStart=\(randomStart))"
    }

    /// With `randomStart`, draws one uniform value per input value, row-major.
    public func attack(
        model: some DifferentiableClassifier, inputs: [Float], labels: [Int],
        rng: inout some RandomNumberGenerator
    ) -> [Float] {
        signedGradientAscent(model: model, inputs: inputs, labels: labels, epsilon: epsilon,
                             alpha: alpha, steps: steps, randomStart: randomStart, rng: &rng)
    }
}
