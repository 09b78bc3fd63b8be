import ReproSupport
import XCTest
@testable import ReproAttacks

/// APGD's schedule, step-size rule, skipping and batching (protocol B §3.3).
final class APGDTests: XCTestCase {
    func testCheckpointScheduleMatchesTheProtocol() {
        let hundred = APGDSchedule.checkpoints(steps: 100)
        XCTAssertEqual(hundred.map(\.afterIteration), [22, 41, 57, 70, 80, 87, 93, 99])
        XCTAssertEqual(hundred.map(\.window), [22, 19, 16, 13, 10, 7, 6, 6])
        let ten = APGDSchedule.checkpoints(steps: 10)
        XCTAssertEqual(ten.map(\.afterIteration), [2, 3, 4, 5, 6, 7, 8, 9, 10])
        XCTAssertEqual(ten.map(\.window), [2, 1, 1, 1, 1, 1, 1, 1, 1])
        XCTAssertEqual(APGDSchedule.checkpoints(steps: 1).map(\.afterIteration), [1])
        XCTAssertEqual(APGDSchedule.checkpoints(steps: 0), [])
    }

    /// First checkpoint: a flat loss rose only against the unfilled slot −1 (0), 1 ≤ ρk: halve.
    /// A loss that rose every time does not halve, and condition 2 cannot fire yet, even for a
    /// sample whose best loss (that of its start) has not improved.
    func testFirstCheckpointCountsTheUnfilledSlotAsAnIncrease() {
        let k = 4
        var control = APGDStepControl(steps: 10, epsilon: 0.1, rho: 0.75,
                                      initialBest: [1, 1, 10])
        for i in 0..<k {
            control.record(iteration: i, losses: [2, Float(2 + i), Float(2 + i)])
        }
        XCTAssertEqual(control.increases(sample: 0, iteration: k - 1, window: k), 1)
        XCTAssertEqual(control.increases(sample: 1, iteration: k - 1, window: k), k)
        let reset = control.check(iteration: k - 1, window: k, best: [2, 5, 10])
        XCTAssertEqual(reset, [true, false, false])
        XCTAssertEqual(control.stepSize, [0.1, 0.2, 0.2])
    }

    /// Condition 2 at a later checkpoint: not halved last time and the best loss has not risen
    /// since; it fires even when condition 1 does not.
    func testStalledBestLossHalvesAtTheNextCheckpoint() {
        var control = APGDStepControl(steps: 6, epsilon: 0.5, rho: 0.75, initialBest: [0, 0])
        let rising: [Float] = [1, 2, 3, 4, 5, 6]
        for i in 0..<3 {
            control.record(iteration: i, losses: [rising[i], rising[i]])
        }
        XCTAssertEqual(control.check(iteration: 2, window: 3, best: [3, 3]), [false, false])
        for i in 3..<6 {
            control.record(iteration: i, losses: [rising[i], rising[i]])
        }
        // Sample 0's best "did not improve" (the caller passes the old best), sample 1's did.
        XCTAssertEqual(control.check(iteration: 5, window: 3, best: [3, 6]), [true, false])
        XCTAssertEqual(control.stepSize, [0.5, 1])
    }

    func testMisclassifiedSamplesAreSkippedAndReturnedClean() {
        var rng = SplitMix64(seed: 40)
        let model = TinyReLUMLP.random(inputs: 5, hidden: 8, classes: 3, rng: &rng)
        let batch = SyntheticData.labelled(by: model, count: 40, flipEvery: 4, rng: &rng)
        let clean = correctlyClassified(model: model, inputs: batch.inputs, labels: batch.labels)
        let counting = CountingModel(model)
        let outcome = APGD(epsilon: 0.3, steps: 10).run(
            model: counting, inputs: batch.inputs, labels: batch.labels, rng: &rng)
        XCTAssertEqual(counting.largestBatch, 30, "only the 30 correct samples are attacked")
        for row in 0..<batch.count where !clean[row] {
            let rows = (row * 5)..<((row + 1) * 5)
            XCTAssertEqual(Array(outcome.adversarial[rows]), Array(batch.inputs[rows]))
            XCTAssertFalse(outcome.correct[row])
        }
        XCTAssertLessThan(outcome.robustAccuracy, 0.75, "the attack fools some correct samples")
    }

    /// APGD's robust accuracy (correct at the start and at every iterate) agrees with a forward
    /// pass over its outputs: fooled samples return a misclassified iterate, the rest clean x.
    func testRobustAccuracyAgreesWithItsOutputs() {
        var rng = SplitMix64(seed: 41)
        let model = TinyReLUMLP.random(inputs: 6, hidden: 12, classes: 3, rng: &rng)
        let batch = SyntheticData.labelled(by: model, count: 80, rng: &rng)
        for epsilon in [0.05, 0.2] {
            let outcome = APGD(epsilon: epsilon, steps: 20).run(
                model: model, inputs: batch.inputs, labels: batch.labels, rng: &rng)
            XCTAssertEqual(outcome.correct, correctlyClassified(
                model: model, inputs: outcome.adversarial, labels: batch.labels))
        }
    }

    /// One batched gradient call per iteration (plus the start) and one forward pass, in the
    /// full run (robust accuracy alone lets APGD stop early: `APGDEarlyStopTests`).
    func testEachIterationIsOneBatchedCall() {
        var rng = SplitMix64(seed: 42)
        let base = SoftmaxRegression.random(inputs: 4, classes: 3, scale: 1, rng: &rng)
        let batch = SyntheticData.labelled(by: base, count: 25, flipEvery: 1000, rng: &rng)
        let expected: [(any LInfAttack, gradients: Int, forwards: Int)] = [
            (FGSM(epsilon: 0.1), 1, 1), (FFGSM.standard(epsilon: 0.1), 1, 1),
            (BIM.standard(epsilon: 0.1), 29, 1), (PGD.standard(epsilon: 0.1), 40, 1),
            (APGD(epsilon: 0.1, steps: 10), 11, 1),
        ]
        for (attack, gradients, forwards) in expected {
            let model = CountingModel(base)
            _ = attack.run(model: model, inputs: batch.inputs, labels: batch.labels, rng: &rng)
            XCTAssertEqual(model.gradientCalls, gradients, "\(attack)")
            XCTAssertEqual(model.forwardCalls, forwards, "\(attack)")
            XCTAssertEqual(model.largestBatch, 25, "\(attack)")
        }
    }
}
