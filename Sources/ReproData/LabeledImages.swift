/// A set of images with binary labels: pixels as bytes (row-major, `pixelsPerImage` per image),
/// labels 0/1, the original digit and the index in the MNIST training split of each image.
public struct LabeledImages: Sendable {
    public let pixels: [UInt8]
    public let labels: [UInt8]
    public let digits: [UInt8]
    public let sourceIndices: [Int]
    public let pixelsPerImage: Int

    public var count: Int { labels.count }

    public init(pixels: [UInt8], labels: [UInt8], digits: [UInt8], sourceIndices: [Int],
                pixelsPerImage: Int) {
        precondition(pixels.count == labels.count * pixelsPerImage && digits.count == labels.count)
        self.pixels = pixels
        self.labels = labels
        self.digits = digits
        self.sourceIndices = sourceIndices
        self.pixelsPerImage = pixelsPerImage
    }

    /// Pixels scaled to [0, 1] by `byte / 255`, as the published code does.
    public func features<T: BinaryFloatingPoint>(as _: T.Type = T.self) -> [T] {
        pixels.map { T($0) / 255 }
    }

    public func targets<T: BinaryFloatingPoint>(as _: T.Type = T.self) -> [T] {
        labels.map { T($0) }
    }
}
