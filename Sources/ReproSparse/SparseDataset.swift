/// Labelled examples, normalised once for the whole of training or evaluation.
///
/// Holds the pixels already passed through ``InputNormalisation`` (computed with the same Float
/// formula the model uses), or as they are for a model without it (`normalised` false), one
/// example after another, so every epoch and every model trained
/// on it (several seeds side by side may share one instance: it is immutable) skips that work.
public final class SparseDataset: @unchecked Sendable {
    public let count: Int
    public let inputSize: Int
    public let labels: [Int32]
    /// Whether the features are normalised (for a model that normalises its input) or raw.
    public let normalised: Bool
    let features: AlignedBuffer<Float>

    /// Examples from pixels in [0, 1], `count × inputSize` values, example after example.
    public init(pixels: [Float], labels: [Int], inputSize: Int = SparseFamilies.inputSize,
                normalised: Bool = true) throws {
        try Check.positive(inputSize, "input size")
        guard !labels.isEmpty else { throw SparseError("a data set needs at least one example") }
        guard pixels.count == labels.count * inputSize else {
            throw SparseError("\(pixels.count) pixels for \(labels.count) examples of \(inputSize)")
        }
        guard labels.allSatisfy({ $0 >= 0 && $0 <= Int(Int32.max) }) else {
            throw SparseError("labels must be non-negative")
        }
        count = labels.count
        self.inputSize = inputSize
        self.labels = labels.map { Int32($0) }
        self.normalised = normalised
        features = AlignedBuffer(count: pixels.count)
        let transform = normalised ? InputNormalisation.apply : InputNormalisation.none
        for i in pixels.indices { features[i] = transform(pixels[i]) }
    }

    /// Examples from bytes (pixel = Float(byte) / 255, as torchvision's ToTensor).
    public convenience init(
        bytes: [UInt8], labels: [UInt8], inputSize: Int = SparseFamilies.inputSize,
        normalised: Bool = true
    ) throws {
        try self.init(
            pixels: bytes.map { Float($0) / 255 }, labels: labels.map { Int($0) },
            inputSize: inputSize, normalised: normalised)
    }

    /// Refuses data prepared for the other kind of model (normalised input or raw).
    func check(matches model: SparseMLP) throws {
        guard normalised == model.normalisesInput else {
            throw SparseError("the data set is \(normalised ? "normalised" : "raw") but the model "
                              + "takes \(model.normalisesInput ? "normalised" : "raw") input; "
                              + "build the data set with normalised: \(model.normalisesInput)")
        }
    }

    /// The highest label plus one.
    public var classesSeen: Int { Int(labels.max() ?? 0) + 1 }
}
