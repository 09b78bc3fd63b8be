import ReproNetwork
import ReproSupport
@testable import ReproConv

/// A small architecture with every layer kind: resize, normalise, conv with and without bias at
/// strides 1 and 2 and kernels 3 and 1, batch norm, ReLU, max and average pool, a residual add,
/// flatten and a linear classifier.
enum Toy {
    static let architecture = Architecture(name: "toy", width: 3, input: [1, 6, 6], nodes: [
        ArchitectureNode(.resize(height: 8, width: 8)),
        ArchitectureNode(.normalize(mean: [0.1307], std: [0.3081])),
        ArchitectureNode(.conv(name: "a", channels: 3, kernel: 3, stride: 1, padding: 1, bias: true)),
        ArchitectureNode(.batchNorm(name: "a.bn")),
        ArchitectureNode(.relu),
        ArchitectureNode(.maxPool(size: 2, stride: 2)),
        ArchitectureNode(.conv(name: "b", channels: 4, kernel: 3, stride: 2, padding: 1, bias: false)),
        ArchitectureNode(.batchNorm(name: "b.bn")),
        ArchitectureNode(.conv(name: "shortcut", channels: 4, kernel: 1, stride: 2, padding: 0, bias: false),
                         from: [5]),
        ArchitectureNode(.add, from: [7, 8]),
        ArchitectureNode(.relu),
        ArchitectureNode(.averagePool(size: 2, stride: 2)),
        ArchitectureNode(.flatten),
        ArchitectureNode(.dense(name: "fc", outputs: 3, bias: true)),
    ])

    /// Half of every layer kept (at least one weight), positions from `seed`.
    static func network(seed: Int = 0, sparseBelow: Double) throws -> ConvNetwork {
        try halfKept(architecture, seed: seed, maskPurpose: "toy-mask", sparseBelow: sparseBelow)
    }

    /// `architecture` keeping a random half of every layer (at least one weight, positions from
    /// (seed, maskPurpose, layer)), with non-trivial batch-norm parameters and statistics.
    static func halfKept(_ architecture: Architecture, seed: Int, maskPurpose: String,
                         sparseBelow: Double) throws -> ConvNetwork {
        let masks = try architecture.weightLayers().map { l -> [Int] in
            var rng = RandomStream(seed: seed, maskPurpose, l.name)
            var all = Array(0..<l.count)
            rng.shuffle(&all)
            return Array(all.prefix(max(1, l.count / 2))).sorted()
        }
        var net = try ConvNetwork.initial(architecture: architecture, masks: masks, seed: seed,
                                          sparseBelow: sparseBelow)
        for i in net.norms.indices {
            let c = net.norms[i].gamma.count
            net.norms[i].gamma = randomFloats(c, seed: seed, "gamma\(i)", scale: 0.5).map { 1 + $0 }
            net.norms[i].beta = randomFloats(c, seed: seed, "beta\(i)", scale: 0.3)
            net.norms[i].runningMean = randomFloats(c, seed: seed, "rm\(i)", scale: 0.3)
            net.norms[i].runningVariance = randomFloats(c, seed: seed, "rv\(i)", scale: 0.5).map { 1 + $0 }
        }
        return net
    }

    static func data(count: Int, seed: Int = 0) throws -> LabeledPixels {
        let pixels = randomFloats(count * 36, seed: seed, "pixels").map { ($0 + 1) / 2 }
        let labels = (0..<count).map { $0 % 3 }
        return try LabeledPixels(pixels: pixels, labels: labels, inputSize: 36)
    }
}
