/// An untargeted L∞ attack on the cross-entropy in [0, 1] pixel space (protocol A, "adversarial").
///
/// Attacks are plain values (a configuration struct each), so an experiment can list them, print
/// their settings and run them on any model. Every random draw comes from the generator passed in,
/// so a result is fixed by the generator's state.
public protocol LInfAttack: Sendable, CustomStringConvertible {
    var kind: AttackKind { get }
    /// The L∞ radius ε in pixel units ([0, 1] scale).
    var epsilon: Double { get }

    /// Adversarial versions of `inputs` (`labels.count × model.inputSize`, row-major, in [0, 1]).
    func attack(
        model: some DifferentiableClassifier, inputs: [Float], labels: [Int],
        rng: inout some RandomNumberGenerator
    ) -> [Float]

    /// The adversarial inputs together with which samples survive them. The default attacks and
    /// then makes one forward pass; APGD overrides it with its own record of every iterate.
    func run(
        model: some DifferentiableClassifier, inputs: [Float], labels: [Int],
        rng: inout some RandomNumberGenerator
    ) -> AttackOutcome

    /// Fraction of `inputs` that the model still classifies correctly after the attack. The
    /// default is ``run(model:inputs:labels:rng:)``'s; APGD computes the same number with less
    /// work.
    func robustAccuracy(
        model: some DifferentiableClassifier, inputs: [Float], labels: [Int],
        rng: inout some RandomNumberGenerator
    ) -> Double
}

extension LInfAttack {
    public func run(
        model: some DifferentiableClassifier, inputs: [Float], labels: [Int],
        rng: inout some RandomNumberGenerator
    ) -> AttackOutcome {
        let adversarial = attack(model: model, inputs: inputs, labels: labels, rng: &rng)
        let correct = correctlyClassified(model: model, inputs: adversarial, labels: labels)
        return AttackOutcome(adversarial: adversarial, correct: correct)
    }

    public func robustAccuracy(
        model: some DifferentiableClassifier, inputs: [Float], labels: [Int],
        rng: inout some RandomNumberGenerator
    ) -> Double {
        run(model: model, inputs: inputs, labels: labels, rng: &rng).robustAccuracy
    }
}
