/// A network's layers as data: the nodes of a small graph, each an operation on the outputs of
/// earlier nodes. A model spec carries it (optionally, so the keys of specs without it do not
/// move), an engine builds its network from it, and generic code reads shapes and weight
/// counts from it without knowing the engine.
///
/// Inputs are images of `input` (channels, height, width) with pixels in [0, 1]; the
/// resize and the normalisation are the model's first nodes, so input gradients are gradients
/// with respect to those pixels.
public struct Architecture: Codable, Hashable, Sendable {
    /// The family and depth, e.g. "vgg11" or "resnet18".
    public var name: String
    /// The base width: channels of the first convolution.
    public var width: Int
    /// Channels, height and width of one input image.
    public var input: [Int]
    public var nodes: [ArchitectureNode]

    public init(name: String, width: Int, input: [Int], nodes: [ArchitectureNode]) {
        self.name = name; self.width = width; self.input = input; self.nodes = nodes
    }
}

/// One operation and the nodes it reads.
public struct ArchitectureNode: Codable, Hashable, Sendable {
    public var op: LayerOp
    /// Indices of the nodes whose outputs it reads, -1 for the model's input; nil: the node
    /// just before it (the input for the first node).
    public var from: [Int]?

    public init(_ op: LayerOp, from: [Int]? = nil) { self.op = op; self.from = from }
}

/// The operations an architecture is made of. Conv and dense layers hold the capacity-counted
/// weights, named so stored tensors can be matched to them.
public enum LayerOp: Codable, Hashable, Sendable {
    /// Bilinear resize with half-pixel centres (torchvision's `Resize` on a tensor).
    case resize(height: Int, width: Int)
    /// (x − mean[c]) / std[c] per channel.
    case normalize(mean: [Double], std: [Double])
    /// k×k convolution, `channels` outputs; weights [channels, inChannels, k, k].
    case conv(name: String, channels: Int, kernel: Int, stride: Int, padding: Int, bias: Bool)
    /// Batch normalisation of each channel (scale, shift and running statistics).
    case batchNorm(name: String)
    case relu
    case maxPool(size: Int, stride: Int)
    case averagePool(size: Int, stride: Int)
    /// The sum of the outputs of the nodes it reads (a residual connection).
    case add
    /// A feature map read as a vector (channel, then row, then column).
    case flatten
    /// Fully connected; weights [outputs, inputs].
    case dense(name: String, outputs: Int, bias: Bool)
}
