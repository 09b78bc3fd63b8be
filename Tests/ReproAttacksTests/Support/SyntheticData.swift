import ReproSupport
@testable import ReproAttacks

/// A labelled batch in [0, 1] for the tests.
struct Batch {
    var inputs: [Float]
    var labels: [Int]
    var count: Int { labels.count }
}

enum SyntheticData {
    /// `count` points uniform in [−0.2, 1.2]^width clipped to [0, 1], so about one value in seven
    /// sits on each bound (like MNIST's many 0 pixels); labelled by the model itself, with every
    /// `flipEvery`-th label moved to the next class so that some samples start misclassified.
    static func labelled(
        by model: some DifferentiableClassifier, count: Int, flipEvery: Int = 10,
        rng: inout SplitMix64
    ) -> Batch {
        let inputs = (0..<(count * model.inputSize)).map { _ in
            Float(min(max(rng.uniform(-0.2, 1.2), 0), 1))
        }
        let correct = model.logits(inputs: inputs)
        var labels = (0..<count).map { row -> Int in
            let z = correct[(row * model.classCount)..<((row + 1) * model.classCount)]
            return z.indices.max { z[$0] < z[$1] }.map { $0 - row * model.classCount } ?? 0
        }
        for row in stride(from: flipEvery - 1, to: count, by: flipEvery) {
            labels[row] = (labels[row] + 1) % model.classCount
        }
        return Batch(inputs: inputs, labels: labels)
    }

    /// Inputs for the piecewise-linear nets (`TinyReLUMLP.peak`, `.ledge`): x₁ ∈ [0.28, 0.33],
    /// x₂ ∈ [0, 1], all labelled 0 (and all classified 0 by those nets).
    static func profileInputs(count: Int, rng: inout SplitMix64) -> Batch {
        var inputs: [Float] = []
        for _ in 0..<count {
            inputs.append(Float(rng.uniform(0.28, 0.33)))
            inputs.append(Float(rng.uniform(0, 1)))
        }
        return Batch(inputs: inputs, labels: [Int](repeating: 0, count: count))
    }

    /// Points strictly inside the cube, [0.05, 0.95]^width, with random labels: for finite
    /// differences, which must not straddle the kink of a ReLU at a face of the cube.
    static func interior(count: Int, width: Int, classes: Int, rng: inout SplitMix64) -> Batch {
        let inputs = (0..<(count * width)).map { _ in Float(rng.uniform(0.05, 0.95)) }
        let labels = (0..<count).map { _ in Int(rng.next() % UInt64(classes)) }
        return Batch(inputs: inputs, labels: labels)
    }
}
