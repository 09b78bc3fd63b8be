/// What an attack produced on a batch.
public struct AttackOutcome: Sendable, Equatable {
    /// Adversarial inputs, `count × inputSize`, row-major, within ε of the clean inputs and in
    /// [0, 1].
    public let adversarial: [Float]
    /// Per sample: whether the model still predicts the true label, i.e. the attack failed.
    /// Samples misclassified before the attack count as not correct.
    public let correct: [Bool]

    public init(adversarial: [Float], correct: [Bool]) {
        self.adversarial = adversarial
        self.correct = correct
    }

    /// Fraction of samples still classified correctly (0 for an empty batch).
    public var robustAccuracy: Double {
        correct.isEmpty ? 0 : Double(correct.lazy.filter { $0 }.count) / Double(correct.count)
    }
}
