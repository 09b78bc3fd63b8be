import ReproSupport

/// The weights of one 784-h-1 network: `w1` is inputs × hidden (row-major), `w2` hidden × 1.
/// Kept in Double whatever precision trained them, so they can be stored and compared exactly.
public struct MLPParameters: Equatable, Sendable {
    public var inputs: Int
    public var hidden: Int
    public var w1: [Double]
    public var b1: [Double]
    public var w2: [Double]
    public var b2: Double

    public init(inputs: Int, hidden: Int, w1: [Double], b1: [Double], w2: [Double], b2: Double) {
        precondition(w1.count == inputs * hidden && b1.count == hidden && w2.count == hidden)
        self.inputs = inputs; self.hidden = hidden
        self.w1 = w1; self.b1 = b1; self.w2 = w2; self.b2 = b2
    }

    /// The published initialisation: every weight N(0, 1) · 0.1, biases zero. W1 is drawn first
    /// (row by row), then W2, from the given stream.
    public static func initial(inputs: Int, hidden: Int, scale: Double = 0.1,
                               rng: inout RandomStream) -> MLPParameters {
        let w1 = (0..<(inputs * hidden)).map { _ in rng.nextNormal() * scale }
        let w2 = (0..<hidden).map { _ in rng.nextNormal() * scale }
        return MLPParameters(inputs: inputs, hidden: hidden, w1: w1,
                             b1: .init(repeating: 0, count: hidden), w2: w2, b2: 0)
    }

    /// The largest absolute difference to another network of the same shape.
    public func maxAbsDifference(to other: MLPParameters) -> Double {
        precondition(inputs == other.inputs && hidden == other.hidden)
        let pairs = zip(w1, other.w1).map { abs($0 - $1) } + zip(b1, other.b1).map { abs($0 - $1) }
            + zip(w2, other.w2).map { abs($0 - $1) } + [abs(b2 - other.b2)]
        return pairs.max() ?? 0
    }
}
