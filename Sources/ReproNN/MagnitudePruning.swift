/// One-shot magnitude pruning of each weight layer on its own (biases untouched), as paper 1 does.
public enum MagnitudePruning {
    /// How a nominal level "p %" is turned into a fraction of weights.
    public enum Reading: String, Codable, CaseIterable, Sendable {
        /// p % of the weights, as the paper says (fraction p/100).
        case correct
        /// What the published code ran: the level divided by 100 twice (fraction p/10,000), so its
        /// "99 %" removes 0.99 % of the weights.
        case published

        public func fraction(level percent: Double) -> Double {
            switch self {
            case .correct: return percent / 100
            case .published: return percent / 100 / 100
            }
        }
    }

    /// With n weights and fraction f: k = ⌊f·n⌋; the k-th smallest |w| is the threshold and every
    /// weight with |w| ≤ threshold becomes zero (ties at the threshold go too). k = 0 prunes
    /// nothing.
    public static func prune(_ weights: [Double], fraction: Double) -> [Double] {
        let k = Int((fraction * Double(weights.count)).rounded(.down))
        guard k > 0 else { return weights }
        let magnitudes = weights.map(abs).sorted()
        let threshold = magnitudes[min(k, weights.count) - 1]
        return weights.map { abs($0) <= threshold ? 0 : $0 }
    }

    /// W1 and W2 pruned separately, each at the same fraction.
    public static func prune(_ model: MLPParameters, fraction: Double) -> MLPParameters {
        var pruned = model
        pruned.w1 = prune(model.w1, fraction: fraction)
        pruned.w2 = prune(model.w2, fraction: fraction)
        return pruned
    }

    /// Fraction of zero weights in W1 and W2 together.
    public static func sparsity(_ model: MLPParameters) -> Double {
        let weights = model.w1 + model.w2
        return Double(weights.filter { $0 == 0 }.count) / Double(weights.count)
    }
}
