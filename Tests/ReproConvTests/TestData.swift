import ReproSupport

/// Reproducible synthetic numbers for the tests.
func randomFloats(_ count: Int, seed: Int, _ purpose: String, scale: Float = 1) -> [Float] {
    var rng = RandomStream(seed: seed, "test", purpose)
    return (0..<count).map { _ in Float(rng.nextUniform() * 2 - 1) * scale }
}

func maxDifference(_ a: [Float], _ b: [Float]) -> Float {
    precondition(a.count == b.count, "\(a.count) vs \(b.count)")
    return zip(a, b).map { abs($0 - $1) }.max() ?? 0
}
