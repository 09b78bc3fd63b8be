import ReproSupport
import XCTest
@testable import ReproAttacks

/// On a two-class linear model every attack pushes each value monotonically further towards the
/// loss-increasing face as ε grows (FFGSM and PGD too, when the generator state is the same:
/// their uniform starts then scale with ε), so robust accuracy cannot rise with ε.
final class MonotonicityTests: XCTestCase {
    func testRobustAccuracyIsNonIncreasingInEpsilonOnALinearModel() {
        var rng = SplitMix64(seed: 20)
        let model = SoftmaxRegression.binary(inputs: 8, scale: 2, rng: &rng)
        let batch = SyntheticData.labelled(by: model, count: 200, rng: &rng)
        let epsilons = [0] + StepRule.paperEpsilons
        for kind in AttackKind.allCases {
            let accuracies = epsilons.map { epsilon -> Double in
                var draws = SplitMix64(seed: 99)
                return StepRule.standard(kind, epsilon: epsilon).makeAttack().robustAccuracy(
                    model: model, inputs: batch.inputs, labels: batch.labels, rng: &draws)
            }
            for (smaller, larger) in zip(accuracies, accuracies.dropFirst()) {
                XCTAssertGreaterThanOrEqual(smaller, larger, "\(kind): \(accuracies)")
            }
            XCTAssertEqual(accuracies.first ?? 0, 0.9, accuracy: 1e-12, "\(kind) clean")
            XCTAssertLessThan(accuracies.last ?? 1, 0.5, "\(kind): ε = 0.3 must bite")
        }
    }
}
