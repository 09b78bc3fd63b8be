/// A fully connected ReLU network with static sparse weight masks, as stored: the caller saves,
/// loads, copies and compares this value. Training and inference compile it into the fast
/// internal form (``SparseTrainer``, ``SparseInference``).
///
/// The model's first operation is its ``InputNormalisation`` (MNIST's (x − 0.1307) / 0.3081 by
/// default, a CIFAR set's per-channel one), or the identity when `normalisation` is nil (the
/// pixels then go straight into the first layer): inputs are pixels in [0, 1], and gradients
/// with respect to the input are gradients with respect to those pixels.
public struct SparseMLP: Equatable, Sendable {
    public let layers: [SparseLayer]
    /// The first operation, or nil for the identity.
    public let normalisation: InputNormalisation?

    /// Whether the first operation normalises the input.
    public var normalisesInput: Bool { normalisation != nil }

    /// A model from stored layers; consecutive layers must fit (fanOut of one = fanIn of next),
    /// and the normalisation must cover the input (`nil`: none; MNIST's by default).
    public init(layers: [SparseLayer],
                normalisation: InputNormalisation? = .mnist) throws {
        guard !layers.isEmpty else { throw SparseError("depth must be positive, got 0") }
        for l in 1..<layers.count where layers[l].fanIn != layers[l - 1].fanOut {
            throw SparseError(
                "layer \(l) has fan-in \(layers[l].fanIn) but layer \(l - 1) "
                    + "has width \(layers[l - 1].fanOut)")
        }
        if let normalisation, !normalisation.covers(layers[0].fanIn) {
            throw SparseError("the input normalisation has \(normalisation.channels) channels; "
                              + "the first layer's \(layers[0].fanIn) inputs do not split into them")
        }
        self.layers = layers
        self.normalisation = normalisation
    }

    /// The same layers with another input normalisation (a stored model's layers do not say
    /// which; its spec does).
    public func normalising(_ normalisation: InputNormalisation?) throws -> SparseMLP {
        try SparseMLP(layers: layers, normalisation: normalisation)
    }

    /// A freshly initialised model: layer after layer, the mask from `mask` and the values from
    /// `initialisation` (see ``SparseLayer/random(shape:mask:initialisation:)``). A caller that
    /// wants one stream per layer builds the layers itself and calls ``init(layers:)``.
    public static func random(
        shapes: [SparseLayerShape], mask: inout some RandomNumberGenerator,
        initialisation: inout some RandomNumberGenerator
    ) throws -> SparseMLP {
        var layers: [SparseLayer] = []
        for shape in shapes {
            layers.append(
                try SparseLayer.random(shape: shape, mask: &mask, initialisation: &initialisation))
        }
        return try SparseMLP(layers: layers)
    }

    public var inputSize: Int { layers[0].fanIn }
    public var outputSize: Int { layers[layers.count - 1].fanOut }
    public var shapes: [SparseLayerShape] { layers.map(\.shape) }

    /// Kept weights over all layers (the capacity; biases are not counted).
    public var keptWeights: Int { layers.reduce(0) { $0 + $1.kept } }

    func replacing(layers newLayers: [SparseLayer]) -> SparseMLP {
        // Same shapes as self, so the chain check cannot fail.
        (try? SparseMLP(layers: newLayers, normalisation: normalisation)) ?? self
    }
}

/// The fixed input normalisation of a model, (x − mean_c) / deviation_c for each pixel of
/// channel c (images stored channel after channel, equal planes): MNIST's (x − 0.1307) / 0.3081
/// on its one channel, or a CIFAR set's per-channel constants. Computed in Float exactly as
/// written, everywhere.
public struct InputNormalisation: Hashable, Sendable {
    public let means: [Float]
    public let deviations: [Float]

    public static let mnist = try! InputNormalisation(means: [0.1307], deviations: [0.3081])

    public init(means: [Float], deviations: [Float]) throws {
        guard !means.isEmpty, means.count == deviations.count,
              deviations.allSatisfy({ $0 > 0 && $0.isFinite }), means.allSatisfy(\.isFinite) else {
            throw SparseError("an input normalisation needs one finite mean and one positive "
                              + "deviation per channel")
        }
        self.means = means
        self.deviations = deviations
    }

    public var channels: Int { means.count }

    /// Whether images of `inputSize` values split into its channels' equal planes.
    public func covers(_ inputSize: Int) -> Bool { inputSize > 0 && inputSize % channels == 0 }

    /// The channel of input `index` of an image of `inputSize` values.
    @inline(__always)
    func channel(_ index: Int, of inputSize: Int) -> Int {
        channels == 1 ? 0 : index &* channels / inputSize
    }

    /// Input `index` of an image of `inputSize` values, normalised.
    @inline(__always)
    public func apply(_ pixel: Float, at index: Int, of inputSize: Int) -> Float {
        let c = channel(index, of: inputSize)
        return (pixel - means[c]) / deviations[c]
    }

    /// The deviation input `index` is divided by (a gradient with respect to the normalised
    /// input divided by it is one with respect to the pixel).
    @inline(__always)
    public func deviation(at index: Int, of inputSize: Int) -> Float {
        deviations[channel(index, of: inputSize)]
    }
}
