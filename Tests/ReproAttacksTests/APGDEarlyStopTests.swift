import ReproSupport
import XCTest
@testable import ReproAttacks

/// APGD's robust accuracy with fooled samples leaving the batch equals the full run's, sample by
/// sample, with the same random draws, for fewer gradient evaluations.
final class APGDEarlyStopTests: XCTestCase {
    func testStoppingFooledSamplesGivesTheSameVerdictsForLessWork() {
        var rng = SplitMix64(seed: 43)
        let model = TinyReLUMLP.random(inputs: 6, hidden: 12, classes: 3, rng: &rng)
        let batch = SyntheticData.labelled(by: model, count: 80, rng: &rng)
        var partlyFooled = 0
        for epsilon in [0.02, 0.05, 0.1, 0.2] {
            let attack = APGD(epsilon: epsilon, steps: 30)
            var a = SplitMix64(seed: 7), b = SplitMix64(seed: 7), c = SplitMix64(seed: 7)
            let full = CountingModel(model), stopping = CountingModel(model)
            let outcome = attack.run(model: full, inputs: batch.inputs, labels: batch.labels, rng: &a)
            let early = attack.run(model: stopping, inputs: batch.inputs, labels: batch.labels, rng: &b,
                                   stopWhenFooled: true)
            XCTAssertEqual(early.correct, outcome.correct, "ε = \(epsilon)")
            XCTAssertEqual(attack.robustAccuracy(model: model, inputs: batch.inputs, labels: batch.labels, rng: &c),
                           outcome.robustAccuracy)
            XCTAssertEqual(a.next(), b.next(), "the same draws")
            // A fooled sample's row is its first misclassified iterate: still misclassified.
            XCTAssertEqual(correctlyClassified(model: model, inputs: early.adversarial, labels: batch.labels),
                           early.correct)
            let clean = correctlyClassified(model: model, inputs: batch.inputs, labels: batch.labels)
            let fooled = zip(clean, outcome.correct).filter { $0 && !$1 }.count
            if fooled > 0 {
                partlyFooled += 1
                XCTAssertLessThan(stopping.sampleEvaluations, full.sampleEvaluations, "ε = \(epsilon)")
            } else {
                XCTAssertEqual(stopping.sampleEvaluations, full.sampleEvaluations, "ε = \(epsilon)")
            }
        }
        XCTAssertGreaterThanOrEqual(partlyFooled, 2, "the test must see samples fooled")
    }
}
