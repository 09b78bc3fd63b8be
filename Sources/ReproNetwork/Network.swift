import ReproSupport

/// A trained classifier as every evaluation, table and figure reads it, whatever engine built
/// it: a value that can be scored, differentiated with respect to its input, perturbed, pruned,
/// and stored. The sparse MLP and the conv engine implement it; weight noise, corruptions,
/// attacks, minimum class recall and post-training pruning are written once against it.
public protocol Network: Sendable {
    associatedtype Inference: NetworkInference

    /// Pixels per input image ([0, 1], image after image).
    var inputSize: Int { get }
    var classCount: Int { get }
    /// Positions of each capacity-counted weight layer (conv and dense), in order.
    var layerSizes: [Int] { get }
    /// Kept (unmasked) weights of each of those layers.
    var keptPerLayer: [Int] { get }

    /// The compiled form for forward and backward passes in inference mode (batch norm on its
    /// running statistics), `batchSize` images at a time on `threads` threads.
    func inference(batchSize: Int, threads: Int) throws -> Inference

    /// A copy with every kept capacity-counted weight multiplied by (1 + σ·ξ), ξ ~ N(0, 1)
    /// drawn from `rng` in the network's weight order; masked weights stay zero, biases and
    /// batch norm are untouched.
    func perturbed(sigma: Double, using rng: inout RandomStream) throws -> Self

    /// A copy keeping, in layer l, the `keep[l]` kept weights of largest magnitude.
    func pruned(keep: [Int]) throws -> Self

    /// Everything stored of it, by name.
    var tensors: NamedTensors { get }

    /// About how many bytes one image holds in a compiled pass (every layer's activations and
    /// their gradients), so evaluations choose a batch that fits in memory.
    var bytesPerImage: Int { get }
}

extension Network {
    /// Images per pass for the evaluations: at most 256, and at most what `memory` bytes hold
    /// (a wide ResNet keeps megabytes per image). Fixed by the architecture, not the machine,
    /// so the numbers do not depend on where they were computed.
    public func evaluationBatch(memory: Int = 1 << 30) -> Int {
        max(1, min(256, memory / max(1, bytesPerImage)))
    }

    /// The capacity: every counted weight position, masked or not.
    public var capacity: Int { layerSizes.reduce(0, +) }
    /// Kept weights over all layers.
    public var keptWeights: Int { keptPerLayer.reduce(0, +) }
}

/// A network compiled for repeated passes. One instance is used from one thread at a time.
public protocol NetworkInference {
    var inputSize: Int { get }
    var classCount: Int { get }
    /// Logits, `count × classes`, image after image.
    func logits(pixels: [Float]) throws -> [Float]
    /// Logits, per-image cross-entropy and its gradient with respect to the input pixels.
    func lossesAndInputGradients(pixels: [Float], labels: [Int]) throws -> InputGradients
    /// Accuracy, mean loss and per-class recall on a labelled set.
    func evaluate(_ data: LabeledPixels) throws -> ClassificationScore
    /// Whether an image's results are the same bits whatever else is in its batch. Our sparse
    /// kernels give that; OpenBLAS's and oneDNN's products do not (their paths change with the
    /// batch size), so an engine says true only when no layer runs on them.
    var scoresEachImageAlone: Bool { get }
}

extension NetworkInference {
    public var scoresEachImageAlone: Bool { false }
}

/// What one backward pass to the input gives.
public struct InputGradients: Sendable {
    public var logits: [Float]
    public var losses: [Float]
    public var gradients: [Float]

    public init(logits: [Float], losses: [Float], gradients: [Float]) {
        self.logits = logits; self.losses = losses; self.gradients = gradients
    }
}
