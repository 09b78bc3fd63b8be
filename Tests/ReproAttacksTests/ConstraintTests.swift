import ReproSupport
import XCTest
@testable import ReproAttacks

/// Every attack at every ε of the grid stays in the L∞ ball and in [0, 1]; ε = 0 changes nothing.
final class ConstraintTests: XCTestCase {
    /// ε plus float rounding of x₀ ± ε (see `LInfBox`).
    private let slack: Float = 1e-6

    private func models(rng: inout SplitMix64) -> [(String, any DifferentiableClassifier)] {
        [("softmax regression",
          SoftmaxRegression.random(inputs: 6, classes: 3, scale: 3, rng: &rng)),
         ("ReLU MLP", TinyReLUMLP.random(inputs: 6, hidden: 10, classes: 3, rng: &rng))]
    }

    func testEveryAttackStaysInTheBallAndTheUnitInterval() {
        var rng = SplitMix64(seed: 10)
        for (name, model) in models(rng: &rng) {
            let batch = SyntheticData.labelled(by: model, count: 60, rng: &rng)
            for rule in StepRule.table() {
                let adversarial = rule.makeAttack().attack(
                    model: model, inputs: batch.inputs, labels: batch.labels, rng: &rng)
                XCTAssertEqual(adversarial.count, batch.inputs.count)
                let largest = zip(adversarial, batch.inputs).map { abs($0 - $1) }.max() ?? 0
                XCTAssertLessThanOrEqual(largest, Float(rule.epsilon) + slack, "\(name) \(rule)")
                XCTAssertTrue(adversarial.allSatisfy { $0 >= 0 && $0 <= 1 }, "\(name) \(rule)")
                // Not vacuous: the attack moves some value by (nearly) the whole radius.
                XCTAssertGreaterThan(largest, 0.5 * Float(rule.epsilon), "\(name) \(rule)")
            }
        }
    }

    func testZeroEpsilonChangesNeitherInputsNorAccuracy() {
        var rng = SplitMix64(seed: 11)
        for (name, model) in models(rng: &rng) {
            let batch = SyntheticData.labelled(by: model, count: 50, flipEvery: 5, rng: &rng)
            let clean = correctlyClassified(model: model, inputs: batch.inputs,
                                            labels: batch.labels)
            let cleanAccuracy = Double(clean.filter { $0 }.count) / Double(batch.count)
            XCTAssertEqual(cleanAccuracy, 0.8, accuracy: 1e-12, "one label in five is wrong")
            for kind in AttackKind.allCases {
                let attack = StepRule.standard(kind, epsilon: 0).makeAttack()
                let outcome = attack.run(
                    model: model, inputs: batch.inputs, labels: batch.labels, rng: &rng)
                XCTAssertEqual(outcome.adversarial, batch.inputs, "\(name) \(kind)")
                XCTAssertEqual(outcome.robustAccuracy, cleanAccuracy, "\(name) \(kind)")
            }
        }
    }
}
