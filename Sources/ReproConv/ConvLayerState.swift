import ReproNetwork

/// One conv or dense layer's stored state: its kept weight positions (flat OIHW / [out, in]
/// indices, ascending) and their values, and a dense bias when it has one. Masked positions are
/// absent, so they are zero by construction, whatever training does.
public struct ConvLayerState: Equatable, Sendable {
    public var name: String
    /// [out, in, k, k] or [out, in].
    public var shape: [Int]
    public var positions: [Int]
    public var values: [Float]
    public var bias: [Float]?

    public init(name: String, shape: [Int], positions: [Int], values: [Float], bias: [Float]?) {
        self.name = name; self.shape = shape; self.positions = positions; self.values = values
        self.bias = bias
    }

    public var count: Int { shape.reduce(1, *) }
    public var kept: Int { positions.count }
    public var keepFraction: Double { Double(kept) / Double(max(1, count)) }

    /// Every position, masked ones as zero.
    public var dense: [Float] {
        var out = [Float](repeating: 0, count: count)
        for (k, p) in positions.enumerated() { out[p] = values[k] }
        return out
    }
}

/// One batch norm's scale, shift and running statistics (per channel).
public struct BatchNormState: Equatable, Sendable {
    public var name: String
    public var gamma: [Float], beta: [Float]
    public var runningMean: [Float], runningVariance: [Float]

    public init(name: String, channels: Int) {
        self.name = name
        gamma = [Float](repeating: 1, count: channels)
        beta = [Float](repeating: 0, count: channels)
        runningMean = [Float](repeating: 0, count: channels)
        runningVariance = [Float](repeating: 1, count: channels)
    }
}
