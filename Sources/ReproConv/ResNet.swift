import ReproNetwork

/// wide-sparse-nets' `resnet`: 3×3 stem conv (stride 1, no bias) → BN → ReLU, no max pool;
/// four stages of w, 2w, 4w, 8w planes with strides 1, 2, 2, 2; basic blocks (ResNet18, 34) or
/// bottlenecks (ResNet50, expansion 4); a 1×1 conv + BN shortcut where the shape changes; a
/// 4×4 average pool and the linear classifier. Names follow the PyTorch module.
enum ResNet {
    static let blocks: [String: (bottleneck: Bool, counts: [Int])] = [
        "resnet18": (false, [2, 2, 2, 2]),
        "resnet34": (false, [3, 4, 6, 3]),
        "resnet50": (true, [3, 4, 6, 3]),
    ]

    static func architecture(_ name: String, width: Int, input: [Int], classes: Int,
                             stage: [ArchitectureNode]) -> Architecture? {
        guard let spec = blocks[name] else { return nil }
        var b = Builder(nodes: stage)
        b.conv("conv1", width, 3, 1)
        b.append(.batchNorm(name: "bn1"))
        b.append(.relu)
        let expansion = spec.bottleneck ? 4 : 1
        var channels = width
        for (stage, count) in spec.counts.enumerated() {
            let planes = width << stage
            for block in 0..<count {
                let stride = block == 0 && stage > 0 ? 2 : 1
                let prefix = "layer\(stage + 1).\(block)"
                let entry = b.last
                if spec.bottleneck {
                    b.conv("\(prefix).conv1", planes, 1, 1)
                    b.append(.batchNorm(name: "\(prefix).bn1"))
                    b.append(.relu)
                    b.conv("\(prefix).conv2", planes, 3, stride)
                    b.append(.batchNorm(name: "\(prefix).bn2"))
                    b.append(.relu)
                    b.conv("\(prefix).conv3", planes * expansion, 1, 1)
                    b.append(.batchNorm(name: "\(prefix).bn3"))
                } else {
                    b.conv("\(prefix).conv1", planes, 3, stride)
                    b.append(.batchNorm(name: "\(prefix).bn1"))
                    b.append(.relu)
                    b.conv("\(prefix).conv2", planes, 3, 1)
                    b.append(.batchNorm(name: "\(prefix).bn2"))
                }
                let main = b.last
                var shortcut = entry
                if stride != 1 || channels != planes * expansion {
                    b.conv("\(prefix).shortcut.0", planes * expansion, 1, stride, from: entry)
                    b.append(.batchNorm(name: "\(prefix).shortcut.1"))
                    shortcut = b.last
                }
                b.append(.add, from: [main, shortcut])
                b.append(.relu)
                channels = planes * expansion
            }
        }
        b.append(.averagePool(size: 4, stride: 4))
        b.append(.flatten)
        b.append(.dense(name: "linear", outputs: classes, bias: true))
        return Architecture(name: name, width: width, input: input, nodes: b.nodes)
    }

    private struct Builder {
        var nodes: [ArchitectureNode]
        var last: Int { nodes.count - 1 }

        mutating func append(_ op: LayerOp, from: [Int]? = nil) {
            nodes.append(ArchitectureNode(op, from: from))
        }

        /// k×k conv, padding k/2, no bias (every conv of the ResNet).
        mutating func conv(_ name: String, _ channels: Int, _ k: Int, _ stride: Int, from: Int? = nil) {
            append(.conv(name: name, channels: channels, kernel: k, stride: stride, padding: k / 2, bias: false),
                   from: from.map { [$0] })
        }
    }
}
