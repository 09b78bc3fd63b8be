/// Auto-PGD with the cross-entropy loss (Croce & Hein 2020), as Torchattacks' `APGD` with
/// norm 'Linf', loss 'ce', one restart and no EOT (protocol B §3.3).
///
/// Samples the model already misclassifies are not attacked and come back unchanged. The others
/// are attacked together, one gradient evaluation per iteration over all of them; a sample
/// counts as fooled when *any* iterate (the start included) is misclassified, and its output is
/// the latest such iterate; an unfooled sample comes back clean. The iteration itself is in
/// `APGDIteration.swift`, the step-size rule in `APGDStepControl.swift`.
public struct APGD: LInfAttack {
    public let epsilon: Double
    /// Iterations N after the start (gradient evaluations: N + 1).
    public let steps: Int
    /// ρ of the oscillation test, Torchattacks' `rho`.
    public let rho: Double

    public init(epsilon: Double, steps: Int = StepRule.apgdSteps, rho: Double = 0.75) {
        precondition(epsilon >= 0 && steps >= 0, "negative APGD setting")
        self.epsilon = epsilon
        self.steps = steps
        self.rho = rho
    }

    /// N = 100, ρ = 0.75: Torchattacks' defaults from v2.13.1 (the first real APGD) to v3.2, the
    /// versions of mid-2021 (B §3.1); later versions default to N = 10. APGD sets its own step
    /// size (η₀ = 2ε, then halved per sample), so there is no α to scale.
    public static func standard(epsilon: Double) -> APGD {
        APGD(epsilon: epsilon, steps: StepRule.standard(.apgd, epsilon: epsilon).steps)
    }

    public var kind: AttackKind { .apgd }
    public var description: String { "APGD(ε=\(epsilon), steps=\(steps), ρ=\(rho))" }

    public func attack(
        model: some DifferentiableClassifier, inputs: [Float], labels: [Int],
        rng: inout some RandomNumberGenerator
    ) -> [Float] {
        run(model: model, inputs: inputs, labels: labels, rng: &rng).adversarial
    }

    /// Robust accuracy is APGD's own: correct at the start and at every iterate. Random draws:
    /// one uniform value per input value of the attacked (initially correct) samples, row-major.
    public func run(
        model: some DifferentiableClassifier, inputs: [Float], labels: [Int],
        rng: inout some RandomNumberGenerator
    ) -> AttackOutcome {
        run(model: model, inputs: inputs, labels: labels, rng: &rng, stopWhenFooled: false)
    }

    /// The same number as ``run(model:inputs:labels:rng:)``'s, for less work: a sample counts as
    /// fooled when any iterate is misclassified, so once one is, nothing later can change its
    /// verdict, and it leaves the batch. Only the adversarial image would differ (the first
    /// misclassified iterate instead of the latest), and it is not returned. Exact when the model
    /// scores each sample alone (the same bits whatever else is in its batch: a network on our
    /// sparse kernels only); any other model runs the full batch every iteration, as
    /// ``run(model:inputs:labels:rng:)``. The random draws are the same either way.
    public func robustAccuracy(
        model: some DifferentiableClassifier, inputs: [Float], labels: [Int],
        rng: inout some RandomNumberGenerator
    ) -> Double {
        run(model: model, inputs: inputs, labels: labels, rng: &rng,
            stopWhenFooled: Self.stopsFooledSamples && model.scoresEachSampleAlone).robustAccuracy
    }

    /// Off only to time or test the work the early stop saves (`repro bench --attacks`).
    public nonisolated(unsafe) static var stopsFooledSamples = true

    func run(
        model: some DifferentiableClassifier, inputs: [Float], labels: [Int],
        rng: inout some RandomNumberGenerator, stopWhenFooled: Bool
    ) -> AttackOutcome {
        validateBatch(model: model, inputs: inputs, labels: labels)
        let width = model.inputSize
        var correct = correctlyClassified(model: model, inputs: inputs, labels: labels)
        let targets = labels.indices.filter { correct[$0] }
        var adversarial = inputs
        guard !targets.isEmpty else {
            return AttackOutcome(adversarial: adversarial, correct: correct)
        }
        var clean: [Float] = []
        clean.reserveCapacity(targets.count * width)
        for sample in targets {
            clean.append(contentsOf: inputs[(sample * width)..<((sample + 1) * width)])
        }
        let iteration = APGDIteration(epsilon: Float(epsilon), steps: steps, rho: rho)
        let result = iteration.run(
            model: model, clean: clean, labels: targets.map { labels[$0] }, rng: &rng,
            stopWhenFooled: stopWhenFooled)
        for (row, sample) in targets.enumerated() where result.fooled[row] {
            correct[sample] = false
            adversarial.replaceSubrange(
                (sample * width)..<((sample + 1) * width),
                with: result.adversarial[(row * width)..<((row + 1) * width)])
        }
        return AttackOutcome(adversarial: adversarial, correct: correct)
    }
}
