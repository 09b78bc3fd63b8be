import Foundation

@testable import ReproSparse
import ReproNetwork

/// SplitMix64: a small seeded generator for the tests.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Synthetic classification data: pixels in [0, 1], many exactly 0 as in MNIST, labels from a
/// fixed random linear rule so that a net can learn them.
struct Synthetic {
    let inputs: Int
    let count: Int
    let classes: Int
    let pixels: [Float]
    let labels: [Int]

    init(inputs: Int, count: Int, classes: Int = 10, seed: UInt64) {
        var rng = SplitMix64(seed)
        var px = [Float](repeating: 0, count: inputs * count)
        for i in px.indices where RandomDraws.uniform(&rng) < 0.4 {
            px[i] = Float(RandomDraws.uniform(&rng))
        }
        var rule = SplitMix64(seed ^ 0xABCDEF)
        let w = (0..<(inputs * classes)).map { _ in RandomDraws.uniform(&rule) - 0.5 }
        labels = (0..<count).map { n in
            var best = -Double.infinity
            var arg = 0
            for k in 0..<classes {
                var s = 0.0
                for i in 0..<inputs { s += w[k * inputs + i] * Double(px[n * inputs + i]) }
                if s > best {
                    best = s
                    arg = k
                }
            }
            return arg
        }
        self.inputs = inputs
        self.count = count
        self.classes = classes
        pixels = px
    }

    func dataset() throws -> SparseDataset {
        try SparseDataset(pixels: pixels, labels: labels, inputSize: inputs)
    }
}

/// A plain dense-masked MLP in Double: the reference the engine is checked against.
struct ReferenceMLP {
    var sizes: [Int]
    var weights: [[Double]]  // per layer, fanOut × fanIn row-major, 0 at dropped positions
    var bias: [[Double]]
    var mask: [[Bool]]
    var velocityW: [[Double]]
    var velocityB: [[Double]]

    init(_ model: SparseMLP) {
        sizes = [model.inputSize] + model.layers.map(\.fanOut)
        weights = model.layers.map { $0.denseWeights().map(Double.init) }
        bias = model.layers.map { $0.bias.map(Double.init) }
        mask = model.layers.map { layer in
            var m = [Bool](repeating: false, count: layer.fanIn * layer.fanOut)
            for p in layer.indices { m[Int(p)] = true }
            return m
        }
        velocityW = weights.map { [Double](repeating: 0, count: $0.count) }
        velocityB = bias.map { [Double](repeating: 0, count: $0.count) }
    }

    /// Activations of every level for one example (level 0 = normalised input).
    func forward(_ pixels: ArraySlice<Float>) -> [[Double]] {
        var levels = [pixels.map { (Double($0) - 0.1307) / 0.3081 }]
        for l in weights.indices {
            let fanIn = sizes[l]
            let fanOut = sizes[l + 1]
            var z = bias[l]
            for o in 0..<fanOut {
                for i in 0..<fanIn { z[o] += weights[l][o * fanIn + i] * levels[l][i] }
            }
            levels.append(l + 1 < weights.count ? z.map { max($0, 0) } : z)
        }
        return levels
    }

    static func crossEntropy(_ z: [Double], _ y: Int) -> (loss: Double, softmax: [Double]) {
        let m = z.max() ?? 0
        let e = z.map { Foundation.exp($0 - m) }
        let s = e.reduce(0, +)
        return (Foundation.log(s) + m - z[y], e.map { $0 / s })
    }

    func meanLoss(_ pixels: [Float], _ labels: [Int]) -> Double {
        let n = labels.count
        let d = sizes[0]
        var total = 0.0
        for s in 0..<n {
            let z = forward(pixels[(s * d)..<((s + 1) * d)]).last ?? []
            total += Self.crossEntropy(z, labels[s]).loss
        }
        return total / Double(n)
    }

    /// Gradients of the mean loss over the given examples (weights, biases, and per-example
    /// pixels of each example's own loss).
    func gradients(
        _ pixels: [Float], _ labels: [Int]
    ) -> (w: [[Double]], b: [[Double]], x: [Double]) {
        let n = labels.count
        let d = sizes[0]
        var gw = weights.map { [Double](repeating: 0, count: $0.count) }
        var gb = bias.map { [Double](repeating: 0, count: $0.count) }
        var gx = [Double](repeating: 0, count: n * d)
        for s in 0..<n {
            let a = forward(pixels[(s * d)..<((s + 1) * d)])
            var delta = Self.crossEntropy(a[a.count - 1], labels[s]).softmax
            delta[labels[s]] -= 1
            for l in stride(from: weights.count - 1, through: 0, by: -1) {
                let fanIn = sizes[l]
                let fanOut = sizes[l + 1]
                var below = [Double](repeating: 0, count: fanIn)
                for o in 0..<fanOut {
                    gb[l][o] += delta[o] / Double(n)
                    for i in 0..<fanIn where mask[l][o * fanIn + i] {
                        gw[l][o * fanIn + i] += delta[o] * a[l][i] / Double(n)
                        below[i] += weights[l][o * fanIn + i] * delta[o]
                    }
                }
                if l > 0 {
                    delta = zip(below, a[l]).map { $1 > 0 ? $0 : 0 }
                } else {
                    for i in 0..<fanIn { gx[s * d + i] = below[i] / 0.3081 }
                }
            }
        }
        return (gw, gb, gx)
    }

    /// One SGD-with-momentum step (PyTorch's form) on a batch.
    mutating func step(_ pixels: [Float], _ labels: [Int], lr: Double, momentum: Double) {
        let g = gradients(pixels, labels)
        for l in weights.indices {
            for p in weights[l].indices where mask[l][p] {
                velocityW[l][p] = momentum * velocityW[l][p] + g.w[l][p]
                weights[l][p] -= lr * velocityW[l][p]
            }
            for o in bias[l].indices {
                velocityB[l][o] = momentum * velocityB[l][o] + g.b[l][o]
                bias[l][o] -= lr * velocityB[l][o]
            }
        }
    }
}

/// A random model of the given layer shapes.
func randomModel(_ shapes: [(Int, Int, Int)], seed: UInt64) throws -> SparseMLP {
    var mask = SplitMix64(seed)
    var initialisation = SplitMix64(seed &+ 1)
    let s = try shapes.map { try SparseLayerShape(fanIn: $0.0, fanOut: $0.1, kept: $0.2) }
    return try SparseMLP.random(shapes: s, mask: &mask, initialisation: &initialisation)
}

/// Bit patterns of every weight and bias, for bit-identity checks.
func bits(_ model: SparseMLP) -> [UInt32] {
    model.layers.flatMap { $0.values.map(\.bitPattern) + $0.bias.map(\.bitPattern) }
}

/// Examples selected by `order[range]`.
func subset(_ data: Synthetic, _ order: ArraySlice<Int>) -> ([Float], [Int]) {
    var px: [Float] = []
    var y: [Int] = []
    for i in order {
        px += data.pixels[(i * data.inputs)..<((i + 1) * data.inputs)]
        y.append(data.labels[i])
    }
    return (px, y)
}
