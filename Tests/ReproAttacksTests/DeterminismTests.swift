import ReproSupport
import XCTest
@testable import ReproAttacks

/// Results are fixed by the generator's state, and only the random-start attacks consume it.
final class DeterminismTests: XCTestCase {
    func testSameGeneratorStateGivesTheSameResult() {
        var rng = SplitMix64(seed: 50)
        let model = TinyReLUMLP.random(inputs: 5, hidden: 10, classes: 3, rng: &rng)
        let batch = SyntheticData.labelled(by: model, count: 40, rng: &rng)
        for kind in AttackKind.allCases {
            let attack = StepRule.standard(kind, epsilon: 0.1).makeAttack()
            var first = SplitMix64(seed: 7), second = SplitMix64(seed: 7)
            let a = attack.run(model: model, inputs: batch.inputs, labels: batch.labels,
                               rng: &first)
            let b = attack.run(model: model, inputs: batch.inputs, labels: batch.labels,
                               rng: &second)
            XCTAssertEqual(a, b, "\(kind)")
            XCTAssertEqual(first.next(), second.next(), "\(kind): same number of draws")
        }
    }

    func testOnlyRandomStartsDependOnTheGenerator() {
        var rng = SplitMix64(seed: 51)
        let model = TinyReLUMLP.random(inputs: 5, hidden: 10, classes: 3, rng: &rng)
        let batch = SyntheticData.labelled(by: model, count: 40, rng: &rng)
        for kind in AttackKind.allCases {
            let rule = StepRule.standard(kind, epsilon: 0.1)
            var seven = SplitMix64(seed: 7), eight = SplitMix64(seed: 8)
            let a = rule.makeAttack().attack(
                model: model, inputs: batch.inputs, labels: batch.labels, rng: &seven)
            let b = rule.makeAttack().attack(
                model: model, inputs: batch.inputs, labels: batch.labels, rng: &eight)
            if rule.randomStart {
                XCTAssertNotEqual(a, b, "\(kind) must use the generator")
            } else {
                XCTAssertEqual(a, b, "\(kind)")
                XCTAssertEqual(seven.state, SplitMix64(seed: 7).state, "\(kind) draws nothing")
            }
        }
    }
}
