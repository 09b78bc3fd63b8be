/// A classifier that the attacks can query: the only thing `ReproAttacks` needs from a model.
///
/// Inputs live in [0, 1] pixel space, as Torchattacks requires (protocol B §3.2): any input
/// normalisation, such as MNIST's (x − 0.1307) / 0.3081, belongs inside the model, and the
/// gradient is taken with respect to the un-normalised pixels.
///
/// Everything is batched, so that an attack makes one call per iteration over all its images.
/// Layouts are row-major: `inputs` holds `count × inputSize` values, `logits` `count × classCount`.
public protocol DifferentiableClassifier {
    /// Values per input (784 for MNIST).
    var inputSize: Int { get }
    /// Number of classes (10 for MNIST).
    var classCount: Int { get }

    /// Forward and backward pass over a batch.
    ///
    /// - Returns: the logits (`count × classCount`), each sample's own softmax cross-entropy
    ///   `losses` (`count`), and `gradient` (`count × inputSize`): row i is ∂ lossᵢ / ∂ inputᵢ.
    ///
    /// Reduction does not matter: FGSM, FFGSM, BIM and PGD use only the sign of the gradient, so a
    /// batch-mean loss (Torchattacks' `CrossEntropyLoss()`, which scales every row by 1/count)
    /// gives the same steps as the per-sample sum that APGD uses. Only the *losses* must be
    /// per-sample and unscaled, because APGD compares them between iterations.
    func lossGradient(inputs: [Float], labels: [Int])
        -> (logits: [Float], losses: [Float], gradient: [Float])

    /// Forward pass only (`count × classCount` logits), used to score clean and adversarial inputs.
    /// The default implementation calls `lossGradient` and discards the rest; a model should
    /// override it when a forward pass is cheaper.
    func logits(inputs: [Float]) -> [Float]

    /// Whether a sample's results are the same bits whatever else is in its batch; then APGD may
    /// drop fooled samples from its batch without changing any verdict. Default: false.
    var scoresEachSampleAlone: Bool { get }
}

extension DifferentiableClassifier {
    public var scoresEachSampleAlone: Bool { false }

    public func logits(inputs: [Float]) -> [Float] {
        let count = inputSize > 0 ? inputs.count / inputSize : 0
        return lossGradient(inputs: inputs, labels: [Int](repeating: 0, count: count)).logits
    }
}
