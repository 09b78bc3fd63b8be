/// Labelled images as every engine reads them: pixels in [0, 1], image after image
/// (`count × inputSize`, row-major within an image), and one class per image. Immutable, so
/// several networks evaluated side by side share one instance.
public final class LabeledPixels: @unchecked Sendable {
    public let pixels: [Float]
    public let labels: [Int]
    public let inputSize: Int

    public init(pixels: [Float], labels: [Int], inputSize: Int) throws {
        guard inputSize > 0, !labels.isEmpty, pixels.count == labels.count * inputSize else {
            throw ArchitectureError(
                "\(pixels.count) pixels for \(labels.count) images of \(inputSize)")
        }
        guard labels.allSatisfy({ $0 >= 0 }) else {
            throw ArchitectureError("labels must be non-negative")
        }
        self.pixels = pixels; self.labels = labels; self.inputSize = inputSize
    }

    /// Images from bytes, pixel = Float(byte) / 255 (torchvision's ToTensor).
    public convenience init(bytes: [UInt8], labels: [UInt8], inputSize: Int) throws {
        try self.init(pixels: bytes.map { Float($0) / 255 }, labels: labels.map { Int($0) },
                      inputSize: inputSize)
    }

    public var count: Int { labels.count }

    /// The first `n` examples (all of them when `n` is at least the count).
    public func prefix(_ n: Int) throws -> LabeledPixels {
        guard n < count else { return self }
        return try LabeledPixels(pixels: Array(pixels[0..<(max(0, n) * inputSize)]),
                                 labels: Array(labels[0..<max(0, n)]), inputSize: inputSize)
    }
}
