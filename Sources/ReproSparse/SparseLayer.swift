import ReproNetwork
/// One stored layer: its kept weight positions and their values, plus a dense bias.
///
/// This is the form to save and load: a sparse layer is `indices` + `values` (2 × k numbers),
/// never a dense fanOut × fanIn array, so a 784 × 32,768 layer keeping 100,352 weights costs
/// 800 kB, not 100 MB.
public struct SparseLayer: Equatable, Sendable {
    public let fanIn: Int
    public let fanOut: Int
    /// Kept positions in PyTorch's weight layout, `output · fanIn + input`, strictly ascending.
    /// This list is the static mask: a kept weight whose value happens to be 0 is still kept.
    public let indices: [Int32]
    /// The value of each kept weight, in the order of `indices`.
    public internal(set) var values: [Float]
    /// One bias per output unit (biases are dense and not counted in the capacity).
    public internal(set) var bias: [Float]

    /// A layer from stored arrays; checks sizes, ranges and order.
    public init(fanIn: Int, fanOut: Int, indices: [Int32], values: [Float], bias: [Float]) throws {
        try Check.positive(fanIn, "fan-in")
        try Check.positive(fanOut, "width")
        guard fanIn * fanOut <= Int(Int32.max) else {
            throw SparseError(
                "layer \(fanIn)×\(fanOut) has more positions than Int32 indices can hold")
        }
        guard indices.count <= fanIn * fanOut else {
            throw SparseError("cannot keep \(indices.count) weights in a \(fanIn)×\(fanOut) layer")
        }
        guard values.count == indices.count else {
            throw SparseError("layer has \(indices.count) indices but \(values.count) values")
        }
        guard bias.count == fanOut else {
            throw SparseError("layer of width \(fanOut) has \(bias.count) biases")
        }
        var previous: Int32 = -1
        for p in indices {
            guard p > previous, Int(p) < fanIn * fanOut else {
                throw SparseError(
                    "kept indices must be ascending and below \(fanIn * fanOut); got \(p)")
            }
            previous = p
        }
        self.fanIn = fanIn
        self.fanOut = fanOut
        self.indices = indices
        self.values = values
        self.bias = bias
    }

    /// A freshly initialised layer: the mask is drawn from `mask` (``SparseMask/draw``), then
    /// every kept weight (ascending position) and every bias (ascending unit) is drawn from
    /// `distribution` at scale s = 1 / sqrt(fanIn · keep) from `initialisation` (by default
    /// U(−s, s), as wide-sparse-nets does: the pre-activation variance then matches that of the
    /// dense base net). Without `biases` they are zero and nothing is drawn for them.
    public static func random(
        shape: SparseLayerShape, mask: inout some RandomNumberGenerator,
        initialisation: inout some RandomNumberGenerator,
        distribution: InitialDistribution = .uniform, biases: Bool = true
    ) throws -> SparseLayer {
        let positions = try SparseMask.draw(
            keep: shape.kept, of: shape.fanIn * shape.fanOut, using: &mask)
        let s = shape.kept == 0 ? 0 : 1 / (Double(shape.fanIn) * shape.keep).squareRoot()
        let values = positions.map { _ in distribution.draw(scale: s, &initialisation) }
        let bias = (0..<shape.fanOut).map { _ in
            biases ? distribution.draw(scale: s, &initialisation) : 0
        }
        return try SparseLayer(
            fanIn: shape.fanIn, fanOut: shape.fanOut,
            indices: positions.map { Int32($0) }, values: values, bias: bias)
    }

    /// A dense layer (every position kept) from a row-major fanOut × fanIn weight array.
    public init(denseWeights: [Float], fanIn: Int, fanOut: Int, bias: [Float]) throws {
        guard denseWeights.count == fanIn * fanOut else {
            throw SparseError(
                "dense weights hold \(denseWeights.count) values, expected \(fanIn * fanOut)")
        }
        try self.init(
            fanIn: fanIn, fanOut: fanOut, indices: (0..<Int32(fanIn * fanOut)).map { $0 },
            values: denseWeights, bias: bias)
    }

    public var kept: Int { indices.count }

    /// The kept fraction k / (fanIn · fanOut).
    public var keep: Double { Double(kept) / Double(fanIn * fanOut) }

    public var shape: SparseLayerShape {
        // The stored layer was validated, so its shape is valid too.
        (try? SparseLayerShape(fanIn: fanIn, fanOut: fanOut, kept: kept))
            ?? SparseLayerShape(unchecked: fanIn, fanOut, kept)
    }

    /// The weights as a row-major fanOut × fanIn array with zeros at dropped positions (for tests
    /// and small layers; the engine itself never builds this for a sparse layer).
    public func denseWeights() -> [Float] {
        var w = [Float](repeating: 0, count: fanIn * fanOut)
        for (p, v) in zip(indices, values) { w[Int(p)] = v }
        return w
    }

    /// The same mask with other values (used by noise and by the trainer's write-back).
    func with(values: [Float], bias: [Float]) -> SparseLayer {
        var copy = self
        copy.values = values
        copy.bias = bias
        return copy
    }
}

extension SparseLayerShape {
    init(unchecked fanIn: Int, _ fanOut: Int, _ kept: Int) {
        self.fanIn = fanIn
        self.fanOut = fanOut
        self.kept = kept
    }
}
