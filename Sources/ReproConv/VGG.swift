import ReproNetwork

/// kuangliu/pytorch-cifar's VGG with every width scaled from the first conv's: each number a
/// 3×3 conv (padding 1, bias) → batch norm → ReLU, "M" a 2×2 max pool; then the classifier on
/// the flattened 1×1 map. Names follow the PyTorch module (`features.<i>`, `classifier`).
/// kuangliu's `AvgPool2d(1, 1)` after the last pool is the identity and is left out.
enum VGG {
    /// Multiples of the width; 0 is a max pool.
    static let configurations: [String: [Int]] = [
        "vgg11": [1, 0, 2, 0, 4, 4, 0, 8, 8, 0, 8, 8, 0],
        "vgg13": [1, 1, 0, 2, 2, 0, 4, 4, 0, 8, 8, 0, 8, 8, 0],
        "vgg16": [1, 1, 0, 2, 2, 0, 4, 4, 4, 0, 8, 8, 8, 0, 8, 8, 8, 0],
    ]

    static func architecture(_ name: String, width: Int, input: [Int], classes: Int,
                             stage: [ArchitectureNode]) -> Architecture? {
        guard let configuration = configurations[name] else { return nil }
        var nodes = stage
        var index = 0
        for multiple in configuration {
            if multiple == 0 {
                nodes.append(ArchitectureNode(.maxPool(size: 2, stride: 2)))
                index += 1
            } else {
                nodes.append(ArchitectureNode(.conv(name: "features.\(index)", channels: multiple * width,
                                                    kernel: 3, stride: 1, padding: 1, bias: true)))
                nodes.append(ArchitectureNode(.batchNorm(name: "features.\(index + 1)")))
                nodes.append(ArchitectureNode(.relu))
                index += 3
            }
        }
        nodes.append(ArchitectureNode(.flatten))
        nodes.append(ArchitectureNode(.dense(name: "classifier", outputs: classes, bias: true)))
        return Architecture(name: name, width: width, input: input, nodes: nodes)
    }
}

/// The model's first operations: resize to 32×32 (bilinear) where the images are not that size
/// (MNIST), and normalise per channel, so input gradients are with respect to the [0, 1] pixels.
enum InputStage {
    static let side = 32

    static func nodes(input: [Int], normalisation: ChannelNormalisation) -> [ArchitectureNode] {
        var nodes: [ArchitectureNode] = []
        if input.count == 3, input[1] != side || input[2] != side {
            nodes.append(ArchitectureNode(.resize(height: side, width: side)))
        }
        nodes.append(ArchitectureNode(.normalize(mean: normalisation.means,
                                                 std: normalisation.deviations)))
        return nodes
    }
}
