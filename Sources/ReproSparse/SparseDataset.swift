/// Labelled examples, normalised once for the whole of training or evaluation.
///
/// Holds the pixels already passed through ``InputNormalisation`` (computed with the same Float
/// formula the model uses), one example after another, so every epoch and every model trained
/// on it (several seeds side by side may share one instance: it is immutable) skips that work.
public final class SparseDataset: @unchecked Sendable {
    public let count: Int
    public let inputSize: Int
    public let labels: [Int32]
    let features: AlignedBuffer<Float>

    /// Examples from pixels in [0, 1], `count × inputSize` values, example after example.
    public init(pixels: [Float], labels: [Int], inputSize: Int = SparseFamilies.inputSize) throws {
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
        features = AlignedBuffer(count: pixels.count)
        for i in pixels.indices { features[i] = InputNormalisation.apply(pixels[i]) }
    }

    /// Examples from bytes (pixel = Float(byte) / 255, as torchvision's ToTensor).
    public convenience init(
        bytes: [UInt8], labels: [UInt8], inputSize: Int = SparseFamilies.inputSize
    ) throws {
        try self.init(
            pixels: bytes.map { Float($0) / 255 }, labels: labels.map { Int($0) },
            inputSize: inputSize)
    }

    /// The highest label plus one.
    public var classesSeen: Int { Int(labels.max() ?? 0) + 1 }
}
