import Foundation
import ReproNetwork
import ReproSupport

/// An architecture no engine of the tool knows: logits = V·relu(W·x) + S·x (a dense layer with a
/// skip connection straight from the pixels), with its own tiny engine written here. It exists
/// to prove the seam: every evaluation reaches it through `Network` alone.
struct ToyNetwork: Network {
    static let inputs = 784, hidden = 8, classes = 10
    var bytesPerImage: Int { 8 * (Self.inputs + Self.hidden + Self.classes) }
    /// W [hidden, inputs], V [classes, hidden], S [classes, inputs], row-major; a masked
    /// position is false in `kept` and zero in the values.
    var weights: [[Float]]
    var kept: [[Bool]]

    static var shapes: [[Int]] { [[hidden, inputs], [classes, hidden], [classes, inputs]] }

    /// S from each class's mean training image minus the overall mean (a template matcher);
    /// W and V small values from a stream.
    static func fitted(pixels: [Float], labels: [Int], seed: Int) -> ToyNetwork {
        var means = [[Float]](repeating: [Float](repeating: 0, count: inputs), count: classes)
        var counts = [Float](repeating: 0, count: classes)
        for (k, y) in labels.enumerated() {
            counts[y] += 1
            for i in 0..<inputs { means[y][i] += pixels[k * inputs + i] }
        }
        let overall = (0..<inputs).map { i in means.indices.reduce(Float(0)) {
            $0 + means[$1][i] } / Float(labels.count) }
        var s = [Float]()
        for c in 0..<classes {
            for i in 0..<inputs { s.append(0.05 * (means[c][i] / max(counts[c], 1) - overall[i])) }
        }
        var rng = RandomStream(seed: seed, "toy")
        let w = (0..<(hidden * inputs)).map { _ in Float(rng.nextUniform() - 0.5) * 0.01 }
        let v = (0..<(classes * hidden)).map { _ in Float(rng.nextUniform() - 0.5) * 0.1 }
        let all = [w, v, s]
        return ToyNetwork(weights: all, kept: all.map { [Bool](repeating: true, count: $0.count) })
    }

    var inputSize: Int { Self.inputs }
    var classCount: Int { Self.classes }
    var layerSizes: [Int] { weights.map(\.count) }
    var keptPerLayer: [Int] { kept.map { $0.filter { $0 }.count } }

    func inference(batchSize: Int, threads: Int) throws -> ToyInference { ToyInference(net: self) }

    func perturbed(sigma: Double, using rng: inout RandomStream) throws -> ToyNetwork {
        var copy = self
        for l in weights.indices {
            for p in weights[l].indices where kept[l][p] {
                copy.weights[l][p] = Float(Double(weights[l][p]) * (1 + sigma * rng.nextNormal()))
            }
        }
        return copy
    }

    func pruned(keep: [Int]) throws -> ToyNetwork {
        var copy = self
        for l in weights.indices {
            let order = weights[l].indices.filter { kept[l][$0] }
                .sorted { abs(weights[l][$0]) > abs(weights[l][$1]) }
            for p in order.dropFirst(keep[l]) { copy.weights[l][p] = 0; copy.kept[l][p] = false }
        }
        return copy
    }

    var tensors: NamedTensors {
        (try? NamedTensors(zip(["in.weight", "out.weight", "skip.weight"], weights.indices).map {
            ($0, Tensor(shape: Self.shapes[$1], values: weights[$1]))
        })) ?? NamedTensors()
    }
}

struct ToyInference: NetworkInference {
    let net: ToyNetwork
    var inputSize: Int { ToyNetwork.inputs }
    var classCount: Int { ToyNetwork.classes }

    /// Hidden pre-activations and logits of one image.
    func forward(_ x: ArraySlice<Float>) -> (h: [Float], z: [Float]) {
        let (n, m, c) = (ToyNetwork.inputs, ToyNetwork.hidden, ToyNetwork.classes)
        let w = net.weights[0], v = net.weights[1], s = net.weights[2]
        let x = Array(x)
        let h = (0..<m).map { j in (0..<n).reduce(Float(0)) { $0 + w[j * n + $1] * x[$1] } }
        let z = (0..<c).map { k in
            (0..<m).reduce(Float(0)) { $0 + v[k * m + $1] * max(0, h[$1]) }
                + (0..<n).reduce(Float(0)) { $0 + s[k * n + $1] * x[$1] }
        }
        return (h, z)
    }

    func logits(pixels: [Float]) throws -> [Float] {
        let n = ToyNetwork.inputs
        return (0..<(pixels.count / n)).flatMap { forward(pixels[($0 * n)..<(($0 + 1) * n)]).z }
    }

    func lossesAndInputGradients(pixels: [Float], labels: [Int]) throws -> InputGradients {
        let (n, m, c) = (ToyNetwork.inputs, ToyNetwork.hidden, ToyNetwork.classes)
        let w = net.weights[0], v = net.weights[1], s = net.weights[2]
        var out = InputGradients(logits: [], losses: [], gradients: [])
        for (k, y) in labels.enumerated() {
            let (h, z) = forward(pixels[(k * n)..<((k + 1) * n)])
            let top = z.max() ?? 0
            let e = z.map { exp($0 - top) }, total = e.reduce(0, +)
            let dz = (0..<c).map { e[$0] / total - ($0 == y ? 1 : 0) }
            let dh = (0..<m).map { j in h[j] > 0 ? (0..<c).reduce(Float(0)) {
                $0 + v[$1 * m + j] * dz[$1] } : 0 }
            out.logits += z
            out.losses.append(log(total) - (z[y] - top))
            for i in 0..<n {
                var g: Float = 0
                for j in 0..<m { g += w[j * n + i] * dh[j] }
                for q in 0..<c { g += s[q * n + i] * dz[q] }
                out.gradients.append(g)
            }
        }
        return out
    }

    func evaluate(_ data: LabeledPixels) throws -> ClassificationScore {
        let g = try lossesAndInputGradients(pixels: data.pixels, labels: data.labels)
        var tally = ScoreTally(classes: classCount)
        for (k, y) in data.labels.enumerated() {
            let z = g.logits[(k * classCount)..<((k + 1) * classCount)]
            let predicted = z.indices.max { z[$0] < z[$1] }.map { $0 - k * classCount } ?? 0
            tally.add(label: y, predicted: predicted, loss: g.losses[k])
        }
        return tally.result
    }
}
