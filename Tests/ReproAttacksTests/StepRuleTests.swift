import ReproSupport
import XCTest
@testable import ReproAttacks

/// The step rules of `StepRule` (protocol part A: "scaled from Torchattacks' defaults").
final class StepRuleTests: XCTestCase {
    func testBIMAutomaticStepsFollowTorchattacks() {
        XCTAssertEqual(BIM.automaticSteps(epsilon: 4.0 / 255), 5)
        XCTAssertEqual(BIM.automaticSteps(epsilon: 0.3), 80)
        XCTAssertEqual(StepRule.paperEpsilons.map { BIM.automaticSteps(epsilon: $0) },
                       [3, 6, 15, 29, 55, 80])
        XCTAssertEqual(BIM.automaticSteps(epsilon: 0), 0)
        // One grey level per step reaches the face of the box: steps·α ≥ ε on the grid.
        for epsilon in StepRule.paperEpsilons {
            let rule = StepRule.standard(.bim, epsilon: epsilon)
            XCTAssertGreaterThanOrEqual(Double(rule.steps) * rule.alpha, epsilon)
        }
    }

    func testStandardRules() {
        for epsilon in StepRule.paperEpsilons {
            let rules = Dictionary(uniqueKeysWithValues: AttackKind.allCases.map {
                ($0, StepRule.standard($0, epsilon: epsilon))
            })
            XCTAssertEqual(rules[.fgsm]?.alpha, epsilon)
            XCTAssertEqual(rules[.ffgsm]?.alpha ?? 0, 1.25 * epsilon, accuracy: 1e-15)
            XCTAssertEqual(rules[.bim]?.alpha, 1.0 / 255)
            XCTAssertEqual(rules[.pgd]?.alpha ?? 0, epsilon / 16, accuracy: 1e-15)
            XCTAssertEqual(rules[.pgd]?.steps, 40)
            XCTAssertEqual(rules[.apgd]?.steps, 100)
            XCTAssertEqual(rules[.apgd]?.alpha ?? 0, 2 * epsilon, accuracy: 1e-15)
            XCTAssertEqual(rules.values.filter(\.randomStart).map(\.kind).sorted {
                $0.rawValue < $1.rawValue
            }, [.apgd, .ffgsm, .pgd])
        }
        XCTAssertEqual(StepRule.table().count, 30)
    }

    func testMadeAttacksCarryTheRule() {
        for rule in StepRule.table() {
            let attack = rule.makeAttack()
            XCTAssertEqual(attack.kind, rule.kind)
            XCTAssertEqual(attack.epsilon, rule.epsilon)
        }
        XCTAssertEqual(PGD.standard(epsilon: 0.3).description,
                       "PGD(ε=0.3, α=0.01875, steps=40, randomStart=true)")
        XCTAssertEqual(BIM.standard(epsilon: 0.1).steps, 29)
        XCTAssertEqual(APGD.standard(epsilon: 0.1).steps, 100)
    }

    /// FGSM is exactly clip(x + ε·sign(∇CE), 0, 1).
    func testFGSMIsTheClosedForm() {
        var rng = SplitMix64(seed: 60)
        let model = SoftmaxRegression.random(inputs: 5, classes: 3, scale: 2, rng: &rng)
        let batch = SyntheticData.labelled(by: model, count: 30, rng: &rng)
        let gradient = model.lossGradient(inputs: batch.inputs, labels: batch.labels).gradient
        let epsilon: Float = 0.1
        let expected = zip(batch.inputs, gradient).map { x, g -> Float in
            min(max(x + epsilon * (g > 0 ? 1 : (g < 0 ? -1 : 0)), 0), 1)
        }
        XCTAssertEqual(FGSM(epsilon: 0.1).attack(
            model: model, inputs: batch.inputs, labels: batch.labels, rng: &rng), expected)
    }
}
