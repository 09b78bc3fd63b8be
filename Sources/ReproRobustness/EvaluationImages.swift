import ReproData
import ReproSupport

/// The clean test split as the evaluations read it: bytes (for MNIST-C), pixels in [0, 1] (for
/// the attacks) and labels, with the random subsets each evaluation draws per seed. MNIST's
/// images are 784 bytes, CIFAR's 3,072 (channel after channel).
public struct EvaluationImages: @unchecked Sendable {
    /// MNIST's image size (MNIST-C corrupts 28 × 28 images).
    public static let pixels = 784
    public let bytes: [UInt8]
    public let labels: [Int]
    public let pixelsPerImage: Int

    public init(_ mnist: MNIST) { self.init(mnist.splits) }

    public init(_ splits: ImageSplits) {
        bytes = splits.testImages
        labels = splits.testLabels.map(Int.init)
        pixelsPerImage = splits.pixelsPerImage
    }

    public var count: Int { labels.count }

    /// `size` distinct test images from (seed, purpose), in draw order: every network of a seed
    /// sees the same images, so widths and depths are compared on the same examples.
    public func subset(size: Int, seed: Int, purpose: String) -> [Int] {
        var rng = RandomStream(seed: seed, purpose, "test images")
        var order = Array(0..<count)
        rng.shuffle(&order)
        return Array(order.prefix(min(size, count)))
    }

    public func bytes(of indices: [Int]) -> [UInt8] {
        var out: [UInt8] = []
        let n = pixelsPerImage
        out.reserveCapacity(indices.count * n)
        for i in indices { out += bytes[(i * n)..<((i + 1) * n)] }
        return out
    }

    /// Pixels byte/255, the model's input range.
    public func pixels(of indices: [Int]) -> [Float] { bytes(of: indices).map { Float($0) / 255 } }
}
