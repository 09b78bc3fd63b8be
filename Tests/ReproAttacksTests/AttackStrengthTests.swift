import ReproSupport
import XCTest
@testable import ReproAttacks

/// How the attacks rank against each other on models where the answer is known.
final class AttackStrengthTests: XCTestCase {
    /// On a two-class linear model the cross-entropy is monotone in one linear margin, so the
    /// L∞-optimal attack in [0, 1] is FGSM's corner. BIM, PGD (its steps travel 2.5ε, enough to
    /// cross the box from any start) and APGD (whose first step of 2ε lands on the corner) must
    /// reach the same corner: equal robust accuracy, not just ≤. FFGSM cannot do better.
    func testIterativeAttacksMatchFGSMOnABinaryLinearModel() {
        var rng = SplitMix64(seed: 30)
        let model = SoftmaxRegression.binary(inputs: 8, scale: 2, rng: &rng)
        let batch = SyntheticData.labelled(by: model, count: 200, rng: &rng)
        for epsilon in StepRule.paperEpsilons {
            func accuracy(_ kind: AttackKind) -> Double {
                StepRule.standard(kind, epsilon: epsilon).makeAttack().robustAccuracy(
                    model: model, inputs: batch.inputs, labels: batch.labels, rng: &rng)
            }
            let fgsm = accuracy(.fgsm)
            XCTAssertEqual(accuracy(.bim), fgsm, "BIM ε = \(epsilon)")
            XCTAssertEqual(accuracy(.pgd), fgsm, "PGD ε = \(epsilon)")
            XCTAssertEqual(accuracy(.apgd), fgsm, "APGD ε = \(epsilon)")
            XCTAssertGreaterThanOrEqual(accuracy(.ffgsm), fgsm, "FFGSM ε = \(epsilon)")
        }
    }

    /// PGD with Torchattacks' own step ratio (2/255 per ε = 0.3, 40 steps, travel 1.05ε) is
    /// weaker than FGSM from a random start on the same linear model: the reason `StepRule`
    /// uses 2.5ε/40 instead.
    func testTorchattacksPGDRatioFallsShortOfFGSMOnALinearModel() {
        var rng = SplitMix64(seed: 31)
        let model = SoftmaxRegression.binary(inputs: 8, scale: 2, rng: &rng)
        let batch = SyntheticData.labelled(by: model, count: 400, rng: &rng)
        let epsilon = 0.1
        let fgsm = FGSM(epsilon: epsilon).robustAccuracy(
            model: model, inputs: batch.inputs, labels: batch.labels, rng: &rng)
        let library = PGD(epsilon: epsilon, alpha: epsilon * (2.0 / 255) / 0.3, steps: 40)
            .robustAccuracy(model: model, inputs: batch.inputs, labels: batch.labels, rng: &rng)
        XCTAssertGreaterThan(library, fgsm)
    }

    private func robustAccuracy(
        _ kind: AttackKind, epsilon: Double, model: some DifferentiableClassifier, batch: Batch,
        rng: inout SplitMix64
    ) -> Double {
        StepRule.standard(kind, epsilon: epsilon).makeAttack().robustAccuracy(
            model: model, inputs: batch.inputs, labels: batch.labels, rng: &rng)
    }

    /// PGD strictly better than FGSM: on `TinyReLUMLP.peak(tail: 3)` the loss has one peak inside
    /// the box and FGSM's full step overshoots it, while PGD and BIM climb onto it; APGD, which
    /// halves its step when the iterate oscillates, finds it too (APGD ≤ PGD).
    func testPGDBeatsFGSMWhereFGSMOvershoots() {
        var rng = SplitMix64(seed: 32)
        let model = TinyReLUMLP.peak(tail: 3)
        let batch = SyntheticData.profileInputs(count: 200, rng: &rng)
        func accuracy(_ kind: AttackKind) -> Double {
            robustAccuracy(kind, epsilon: 0.2, model: model, batch: batch, rng: &rng)
        }
        XCTAssertEqual(accuracy(.fgsm), 1, "clean accuracy 1; FGSM lands beyond the peak")
        let pgd = accuracy(.pgd)
        XCTAssertEqual(pgd, 0, "PGD's ε/16 steps climb onto the peak from any start")
        XCTAssertLessThanOrEqual(accuracy(.apgd), pgd)
        XCTAssertEqual(accuracy(.bim), 0, "BIM's 1/255 steps climb onto the peak")
    }

    /// APGD strictly better than PGD: on `TinyReLUMLP.ledge` a local maximum of the loss just above
    /// x₁ stops small steps; APGD's first step of 2ε (like FGSM's ε) jumps over it to the face of
    /// the box, which is misclassified. PGD escapes only from random starts beyond the dip.
    func testAPGDBeatsPGDWherePGDStopsOnALocalMaximum() {
        var rng = SplitMix64(seed: 34)
        let model = TinyReLUMLP.ledge
        let batch = SyntheticData.profileInputs(count: 200, rng: &rng)
        func accuracy(_ kind: AttackKind) -> Double {
            robustAccuracy(kind, epsilon: 0.2, model: model, batch: batch, rng: &rng)
        }
        let pgd = accuracy(.pgd), apgd = accuracy(.apgd)
        XCTAssertEqual(accuracy(.fgsm), 0, "FGSM's step reaches the class-1 face")
        XCTAssertEqual(accuracy(.bim), 1, "BIM starts at x and stops on the ledge")
        XCTAssertGreaterThan(pgd, 0.5, "PGD escapes only from starts beyond 0.4 (about 1 in 4)")
        XCTAssertLessThan(apgd, 0.1)
        XCTAssertLessThan(apgd, pgd)
    }

    /// Not a law, a characterisation: APGD is not stronger than PGD everywhere. On
    /// `TinyReLUMLP.peak(tail: 4)` its first step of 2ε jumps over the peak to the upper face,
    /// a lower local maximum where the gradient keeps pointing outwards, and stays there; it is
    /// fooled only when its random start already lies on the peak. PGD's small steps find the
    /// peak. The numbers match a transcription of Torchattacks' code (see `APGDReferenceTests`).
    func testAPGDsLargeFirstStepCanMissANarrowPeak() {
        var rng = SplitMix64(seed: 35)
        let model = TinyReLUMLP.peak(tail: 4)
        let batch = SyntheticData.profileInputs(count: 200, rng: &rng)
        let pgd = robustAccuracy(.pgd, epsilon: 0.2, model: model, batch: batch, rng: &rng)
        let apgd = robustAccuracy(.apgd, epsilon: 0.2, model: model, batch: batch, rng: &rng)
        XCTAssertLessThan(pgd, 0.1)
        XCTAssertGreaterThan(apgd, 0.3)
    }

    /// On a random ReLU MLP neither attack dominates per ε, but APGD stays within two samples in
    /// 150 of PGD (a broken APGD, e.g. one that ignored its gradients, falls far behind).
    func testAPGDKeepsUpWithPGDOnARandomReLUMLP() {
        var rng = SplitMix64(seed: 33)
        let model = TinyReLUMLP.random(inputs: 6, hidden: 16, classes: 3, rng: &rng)
        let batch = SyntheticData.labelled(by: model, count: 150, rng: &rng)
        for epsilon in StepRule.paperEpsilons {
            let pgd = robustAccuracy(.pgd, epsilon: epsilon, model: model, batch: batch, rng: &rng)
            let apgd = robustAccuracy(.apgd, epsilon: epsilon, model: model, batch: batch,
                                      rng: &rng)
            let fgsm = robustAccuracy(.fgsm, epsilon: epsilon, model: model, batch: batch,
                                      rng: &rng)
            XCTAssertLessThanOrEqual(apgd, pgd + 2.0 / 150, "ε = \(epsilon)")
            XCTAssertLessThanOrEqual(apgd, fgsm, "ε = \(epsilon)")
        }
    }
}
