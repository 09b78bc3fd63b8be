/// A fully connected ReLU network with static sparse weight masks, as stored: the caller saves,
/// loads, copies and compares this value. Training and inference compile it into the fast
/// internal form (``SparseTrainer``, ``SparseInference``).
///
/// The model's first operation is the input normalisation (x − 0.1307) / 0.3081 of
/// ``InputNormalisation`` unless `normalisesInput` is false (the pixels then go straight into
/// the first layer): inputs are pixels in [0, 1], and gradients with respect to the input are
/// gradients with respect to those pixels.
public struct SparseMLP: Equatable, Sendable {
    public let layers: [SparseLayer]
    /// Whether the first operation is ``InputNormalisation`` (true) or the identity.
    public let normalisesInput: Bool

    /// A model from stored layers; consecutive layers must fit (fanOut of one = fanIn of next).
    public init(layers: [SparseLayer], normalisesInput: Bool = true) throws {
        guard !layers.isEmpty else { throw SparseError("depth must be positive, got 0") }
        for l in 1..<layers.count where layers[l].fanIn != layers[l - 1].fanOut {
            throw SparseError(
                "layer \(l) has fan-in \(layers[l].fanIn) but layer \(l - 1) "
                    + "has width \(layers[l - 1].fanOut)")
        }
        self.layers = layers
        self.normalisesInput = normalisesInput
    }

    /// The same layers with the input normalisation on or off (a stored model's layers do not
    /// say which; its spec does).
    public func normalising(_ on: Bool) -> SparseMLP {
        (try? SparseMLP(layers: layers, normalisesInput: on)) ?? self
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
        (try? SparseMLP(layers: newLayers, normalisesInput: normalisesInput)) ?? self
    }
}

/// The fixed input normalisation of the model, (x − 0.1307) / 0.3081, the usual MNIST
/// mean and standard deviation. It is computed in Float exactly as written, everywhere.
public enum InputNormalisation {
    public static let mean: Float = 0.1307
    public static let std: Float = 0.3081

    @inline(__always)
    public static func apply(_ pixel: Float) -> Float { (pixel - mean) / std }

    /// The identity, for a model or data set without the normalisation.
    @inline(__always)
    public static func none(_ pixel: Float) -> Float { pixel }
}
