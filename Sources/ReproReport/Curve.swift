import ReproSupport

/// A statistic along an ordered axis, each point a summary over seeds: the form in which a curve
/// rule reads a claim's evidence. `points[0]` is the reference (for sparsity, the dense base);
/// the rest follow in the order the claim talks about (for sparsity, ever fewer weights).
public struct Curve: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        /// How the report names the point ("25 %", "depth 4").
        public var label: String
        public var summary: Summary

        public init(label: String, summary: Summary) {
            self.label = label
            self.summary = summary
        }
    }

    /// What the curve measures ("MNIST-C mean accuracy, sparse-width").
    public var name: String
    public var points: [Point]

    public init(name: String, points: [Point]) {
        self.name = name
        self.points = points
    }

    /// The points whose label `other` also has, in this curve's order.
    func common(with other: Curve) -> Curve {
        Curve(name: name, points: points.filter { p in other.points.contains { $0.label == p.label } })
    }
}
