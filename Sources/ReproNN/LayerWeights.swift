/// One fully connected layer as stored: `fanIn × fanOut` weights (row-major: input i, output j at
/// `i · fanOut + j`) held densely or, for a layer with a static mask, as its kept positions only,
/// plus a dense bias. Values are Double whatever precision trained them, so they round-trip
/// exactly.
public struct LayerWeights: Equatable, Sendable {
    public enum Storage: Equatable, Sendable {
        case dense([Double])
        /// Kept positions, ascending, and their values.
        case sparse(indices: [Int], values: [Double])
    }

    public var fanIn: Int
    public var fanOut: Int
    public var storage: Storage
    public var bias: [Double]

    public init(fanIn: Int, fanOut: Int, storage: Storage, bias: [Double]) {
        self.fanIn = fanIn
        self.fanOut = fanOut
        self.storage = storage
        self.bias = bias
    }

    /// Number of weights that can be non-zero (every one for a dense layer).
    public var keptCount: Int {
        switch storage {
        case .dense(let w): return w.count
        case .sparse(let indices, _): return indices.count
        }
    }

    /// Every weight, masked positions as zero.
    public var denseWeights: [Double] {
        switch storage {
        case .dense(let w): return w
        case .sparse(let indices, let values):
            var w = [Double](repeating: 0, count: fanIn * fanOut)
            for (k, index) in indices.enumerated() { w[index] = values[k] }
            return w
        }
    }

    /// Whether the sizes agree with each other (checked when reading a file).
    public var isConsistent: Bool {
        guard fanIn > 0, fanOut > 0, bias.count == fanOut else { return false }
        switch storage {
        case .dense(let w): return w.count == fanIn * fanOut
        case .sparse(let indices, let values):
            return indices.count == values.count
                && zip(indices, indices.dropFirst()).allSatisfy { $0 < $1 }
                && (indices.first ?? 0) >= 0 && (indices.last ?? 0) < fanIn * fanOut
        }
    }
}
