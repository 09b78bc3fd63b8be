import XCTest
import ReproSupport
@testable import ReproNN

final class PruningTests: XCTestCase {
    func testHandComputedPruning() {
        let w = [0.5, -0.1, 0.3, -0.7, 0.2, 0.05, -0.4, 0.9, 0.15, -0.25]
        // 30 %: k = 3, threshold = third smallest |w| = 0.15 → 0.05, -0.1, 0.15 go.
        XCTAssertEqual(MagnitudePruning.prune(w, fraction: 0.3),
                       [0.5, 0, 0.3, -0.7, 0.2, 0, -0.4, 0.9, 0, -0.25])
        XCTAssertEqual(MagnitudePruning.prune(w, fraction: 0.05), w, "k = ⌊0.5⌋ = 0 prunes nothing")
        XCTAssertEqual(MagnitudePruning.prune(w, fraction: 1).filter { $0 != 0 }, [])
    }

    func testTiesAtTheThresholdAreAllRemoved() {
        XCTAssertEqual(MagnitudePruning.prune([0.1, -0.1, 0.1, 0.5], fraction: 0.25),
                       [0, 0, 0, 0.5])
    }

    func testTheTwoReadings() {
        XCTAssertEqual(MagnitudePruning.Reading.correct.fraction(level: 95), 0.95)
        XCTAssertEqual(MagnitudePruning.Reading.published.fraction(level: 99), 0.0099,
                       accuracy: 1e-15)
        var rng = RandomStream(seed: 0, "prune")
        let model = MLPParameters.initial(inputs: 784, hidden: 24, rng: &rng)
        let correct = MagnitudePruning.prune(model,
                                             fraction: MagnitudePruning.Reading.correct
                                                 .fraction(level: 95))
        let published = MagnitudePruning.prune(model,
                                               fraction: MagnitudePruning.Reading.published
                                                   .fraction(level: 95))
        XCTAssertEqual(MagnitudePruning.sparsity(correct), 0.95, accuracy: 0.001)
        XCTAssertEqual(MagnitudePruning.sparsity(published), 0.0095, accuracy: 0.001)
        XCTAssertEqual(correct.b1, model.b1, "biases are untouched")
        XCTAssertEqual(correct.w2.filter { $0 == 0 }.count, 22, "W2 pruned on its own: ⌊0.95 · 24⌋")
    }
}

final class SaliencyTests: XCTestCase {
    func model() -> MLPParameters {
        var rng = RandomStream(seed: 3, "saliency")
        return MLPParameters.initial(inputs: 16, hidden: 5, scale: 0.8, rng: &rng)
    }

    func testFiniteDifferencesApproachTheGradient() {
        let image = (0..<16).map { Double($0 % 5) / 4 }
        let gradient = Saliency.inputGradient(model(), image: image)
        let fd = Saliency.finiteDifference(model(), image: image, epsilon: 1e-6).map { $0 / 1e-6 }
        for i in 0..<16 { XCTAssertEqual(fd[i], gradient[i], accuracy: 1e-4 * max(1, gradient[i])) }
        XCTAssertGreaterThan(Saliency.correlation(fd, gradient), 0.9999)
    }

    /// The shortcut through the pre-activations gives what 16 separate forward passes of the
    /// perturbed images give, with ε large enough to switch hidden units on and off.
    func testFiniteDifferencesEqualSeparateForwardPasses() {
        let image = (0..<16).map { Double($0 % 5) / 4 }
        var batch = image
        for i in 0..<16 { var x = image; x[i] += 0.5; batch += x }
        let p = Training.probabilities([model()], on: TrainingSet(features: batch, labels: [UInt8](repeating: 0, count: 17), inputs: 16),
                                       precision: .float64)[0]
        let fd = Saliency.finiteDifference(model(), image: image, epsilon: 0.5)
        for i in 0..<16 { XCTAssertEqual(fd[i], abs(p[i + 1] - p[0]), accuracy: 1e-14) }
        XCTAssertGreaterThan(fd.max()!, 1e-3)
    }

    func testNormalisationAndCorrelation() {
        XCTAssertEqual(Saliency.normalized([2, 4, 3]), [0, 1, 0.5])
        XCTAssertEqual(Saliency.normalized([1, 1]), [0, 0])
        XCTAssertEqual(Saliency.correlation([1, 2, 3], [2, 4, 6]), 1, accuracy: 1e-12)
        XCTAssertEqual(Saliency.correlation([1, 2, 3], [3, 2, 1]), -1, accuracy: 1e-12)
    }

    func testDeadUnitsAreThoseNeverActive() {
        var m = model()
        // unit 2 can never fire on non-negative inputs
        for i in 0..<16 { m.w1[i * 5 + 2] = -1 }
        m.b1[2] = -0.1
        let data = TrainingSet(features: (0..<(16 * 4)).map { Double($0 % 7) / 6 },
                               labels: [0, 1, 0, 1], inputs: 16)
        XCTAssertEqual(HiddenActivations.deadUnits(m, on: data), [2])
        XCTAssertEqual(HiddenActivations.of(m, on: data).count, 4 * 5)
    }
}
