import ReproData
import ReproSupport

/// The clean test split as the evaluations read it: bytes (for MNIST-C), pixels in [0, 1] (for
/// the attacks) and labels, with the random subsets each evaluation draws per seed.
public struct EvaluationImages: @unchecked Sendable {
    public static let pixels = 784
    public let bytes: [UInt8]
    public let labels: [Int]

    public init(_ mnist: MNIST) {
        bytes = mnist.testImages
        labels = mnist.testLabels.map(Int.init)
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
        out.reserveCapacity(indices.count * Self.pixels)
        for i in indices { out += bytes[(i * Self.pixels)..<((i + 1) * Self.pixels)] }
        return out
    }

    /// Pixels byte/255, the model's input range.
    public func pixels(of indices: [Int]) -> [Float] { bytes(of: indices).map { Float($0) / 255 } }
}
