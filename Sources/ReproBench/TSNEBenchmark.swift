import Foundation
import ReproSupport

/// Input of the size of paper 1's Fig. 5 for timing t-SNE: 2,337 points in 24 dimensions, two
/// groups like the two digits, non-negative like ReLU activations.
public enum TSNEBenchmark {
    public static let count = 2337
    public static let dimensions = 24

    public static func activations() -> [Double] {
        var rng = RandomStream(seed: 0, "bench-tsne")
        return (0..<(count * dimensions)).map { k in
            let side: Double = k / dimensions < count / 2 ? 1 : -1
            return max(0, rng.nextNormal() + side * Double(k % 3))
        }
    }
}
