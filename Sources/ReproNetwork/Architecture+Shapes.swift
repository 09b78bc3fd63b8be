/// Shapes through an architecture: each node's output and each weight layer's weights, so a
/// spec can be checked, its capacity counted and its stored tensors matched before any engine
/// is built.
extension Architecture {
    /// A layer with capacity-counted weights (conv or dense), in node order.
    public struct WeightLayer: Hashable, Sendable {
        public var name: String
        /// [out, in, k, k] for a conv, [out, in] for a dense layer.
        public var shape: [Int]
        public var bias: Bool
        public var node: Int

        public var count: Int { shape.reduce(1, *) }
        /// Inputs each output reads (in · k · k), the fan-in of the initialisation.
        public var fanIn: Int { shape.dropFirst().reduce(1, *) }
    }

    /// The output shape of every node: [channels, height, width] for maps, [n] for vectors.
    public func outputShapes() throws -> [[Int]] {
        guard input.count == 3, input.allSatisfy({ $0 > 0 }) else {
            throw ArchitectureError("\(name): input must be [channels, height, width], got \(input)")
        }
        var shapes: [[Int]] = []
        for (i, node) in nodes.enumerated() {
            let sources = node.from ?? [i - 1]
            let inputs = try sources.map { s -> [Int] in
                guard s >= -1, s < i else {
                    throw ArchitectureError("\(name): node \(i) reads node \(s), not an earlier one")
                }
                return s == -1 ? input : shapes[s]
            }
            shapes.append(try Self.output(node.op, inputs, at: i, name: name))
        }
        return shapes
    }

    /// The conv and dense layers in node order with their weight shapes.
    public func weightLayers() throws -> [WeightLayer] {
        let shapes = try outputShapes()
        var layers: [WeightLayer] = []
        for (i, node) in nodes.enumerated() {
            let before = (node.from?.first ?? i - 1)
            let inShape = before == -1 ? input : shapes[before]
            switch node.op {
            case .conv(let n, let c, let k, _, _, let bias):
                layers.append(WeightLayer(name: n, shape: [c, inShape[0], k, k], bias: bias, node: i))
            case .dense(let n, let outputs, let bias):
                layers.append(WeightLayer(name: n, shape: [outputs, inShape.reduce(1, *)],
                                          bias: bias, node: i))
            default: continue
            }
        }
        let names = layers.map(\.name)
        if Set(names).count != names.count {
            throw ArchitectureError("\(name): two weight layers share a name")
        }
        return layers
    }

    /// Every capacity-counted weight (conv and dense; biases and batch norm not counted).
    public func capacity() throws -> Int { try weightLayers().reduce(0) { $0 + $1.count } }

    /// Multiply-adds of one forward pass of one image with `kept[l]` of layer l's weights.
    public func multiplyAdds(kept: [Int]? = nil) throws -> Int {
        let shapes = try outputShapes()
        let layers = try weightLayers()
        return zip(layers.indices, layers).reduce(0) { total, pair in
            let (l, layer) = pair
            let out = shapes[layer.node]
            let positions = out.count == 3 ? out[1] * out[2] : 1
            return total + positions * (kept?[l] ?? layer.count)
        }
    }

    static func output(_ op: LayerOp, _ inputs: [[Int]], at i: Int, name: String) throws -> [Int] {
        func fail(_ why: String) -> ArchitectureError {
            ArchitectureError("\(name): node \(i) (\(op.kind)): \(why)")
        }
        guard let x = inputs.first else { throw fail("reads nothing") }
        if case .add = op {
            guard inputs.count >= 2, inputs.allSatisfy({ $0 == x }) else {
                throw fail("adds inputs of shapes \(inputs)")
            }
            return x
        }
        guard inputs.count == 1 else { throw fail("reads \(inputs.count) inputs, takes one") }
        func map() throws -> (c: Int, h: Int, w: Int) {
            guard x.count == 3 else { throw fail("needs a feature map, got shape \(x)") }
            return (x[0], x[1], x[2])
        }
        func pooled(_ n: Int, _ k: Int, _ s: Int, _ p: Int) throws -> Int {
            guard k > 0, s > 0, p >= 0, n + 2 * p >= k else {
                throw fail("window \(k) stride \(s) padding \(p) does not fit size \(n)")
            }
            return (n + 2 * p - k) / s + 1
        }
        switch op {
        case .resize(let h, let w):
            let m = try map()
            guard h > 0, w > 0 else { throw fail("size must be positive") }
            return [m.c, h, w]
        case .normalize(let mean, let std):
            let m = try map()
            guard mean.count == m.c, std.count == m.c, std.allSatisfy({ $0 > 0 }) else {
                throw fail("needs \(m.c) means and positive deviations")
            }
            return x
        case .conv(_, let c, let k, let s, let p, _):
            let m = try map()
            guard c > 0 else { throw fail("channels must be positive") }
            return [c, try pooled(m.h, k, s, p), try pooled(m.w, k, s, p)]
        case .batchNorm:
            _ = try map()
            return x
        case .relu:
            return x
        case .maxPool(let k, let s), .averagePool(let k, let s):
            let m = try map()
            return [m.c, try pooled(m.h, k, s, 0), try pooled(m.w, k, s, 0)]
        case .flatten:
            return [x.reduce(1, *)]
        case .dense(_, let outputs, _):
            guard outputs > 0 else { throw fail("outputs must be positive") }
            return [outputs]
        case .add:
            return x
        }
    }
}

extension LayerOp {
    /// A short name for messages.
    public var kind: String {
        switch self {
        case .resize: return "resize"
        case .normalize: return "normalize"
        case .conv: return "conv"
        case .batchNorm: return "batch norm"
        case .relu: return "relu"
        case .maxPool: return "max pool"
        case .averagePool: return "average pool"
        case .add: return "add"
        case .flatten: return "flatten"
        case .dense: return "dense"
        }
    }
}

/// An architecture that does not fit together, in one line.
public struct ArchitectureError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
