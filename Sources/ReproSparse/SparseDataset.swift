/// Labelled examples, normalised once for the whole of training or evaluation.
///
/// Holds the pixels already passed through the model's ``InputNormalisation`` (computed with the
/// same Float formula the model uses), or as they are for a model without one, one
/// example after another, so every epoch and every model trained
/// on it (several seeds side by side may share one instance: it is immutable) skips that work.
public final class SparseDataset: @unchecked Sendable {
    public let count: Int
    public let inputSize: Int
    public let labels: [Int32]
    /// The normalisation the features went through (a model's), or nil: raw pixels.
    public let normalisation: InputNormalisation?
    let features: AlignedBuffer<Float>

    /// Examples from pixels in [0, 1], `count × inputSize` values, example after example.
    public init(pixels: [Float], labels: [Int], inputSize: Int = SparseFamilies.inputSize,
                normalisation: InputNormalisation? = .mnist) throws {
        try Check.positive(inputSize, "input size")
        guard !labels.isEmpty else { throw SparseError("a data set needs at least one example") }
        guard pixels.count == labels.count * inputSize else {
            throw SparseError("\(pixels.count) pixels for \(labels.count) examples of \(inputSize)")
        }
        if let normalisation, !normalisation.covers(inputSize) {
            throw SparseError("the normalisation has \(normalisation.channels) channels; "
                              + "examples of \(inputSize) values do not split into them")
        }
        guard labels.allSatisfy({ $0 >= 0 && $0 <= Int(Int32.max) }) else {
            throw SparseError("labels must be non-negative")
        }
        count = labels.count
        self.inputSize = inputSize
        self.labels = labels.map { Int32($0) }
        self.normalisation = normalisation
        features = AlignedBuffer(count: pixels.count)
        if let normalisation {
            for i in pixels.indices { features[i] = normalisation.apply(pixels[i], at: i % inputSize, of: inputSize) }
        } else {
            for i in pixels.indices { features[i] = pixels[i] }
        }
    }

    /// Examples from bytes (pixel = Float(byte) / 255, as torchvision's ToTensor).
    public convenience init(
        bytes: [UInt8], labels: [UInt8], inputSize: Int = SparseFamilies.inputSize,
        normalisation: InputNormalisation? = .mnist
    ) throws {
        try self.init(
            pixels: bytes.map { Float($0) / 255 }, labels: labels.map { Int($0) },
            inputSize: inputSize, normalisation: normalisation)
    }

    /// Refuses data prepared for another model (another normalisation, or raw).
    func check(matches model: SparseMLP) throws {
        guard normalisation == model.normalisation else {
            func name(_ n: InputNormalisation?) -> String {
                n.map { "normalised with means \($0.means)" } ?? "raw"
            }
            throw SparseError("the data set is \(name(normalisation)) but the model takes "
                              + "\(name(model.normalisation)) input; build the data set with the "
                              + "model's normalisation")
        }
    }

    /// The highest label plus one.
    public var classesSeen: Int { Int(labels.max() ?? 0) + 1 }
}
