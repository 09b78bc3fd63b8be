import ReproSupport
import XCTest
@testable import ReproAttacks

/// The test models' analytic input gradients against central finite differences, so that the
/// attack tests below rest on correct gradients.
final class GradientCheckTests: XCTestCase {
    private func assertGradientMatchesFiniteDifferences<M: RowwiseTestModel>(
        _ model: M, rng: inout SplitMix64, file: StaticString = #filePath, line: UInt = #line
    ) {
        let batch = SyntheticData.interior(
            count: 20, width: model.inputSize, classes: model.classCount, rng: &rng)
        let (_, losses, gradient) = model.lossGradient(inputs: batch.inputs, labels: batch.labels)
        let h = 1e-5
        var worst = 0.0
        for row in 0..<batch.count {
            let x = batch.inputs[(row * model.inputSize)..<((row + 1) * model.inputSize)]
                .map(Double.init)
            let label = batch.labels[row]
            XCTAssertEqual(Double(losses[row]), model.rowLoss(x, label: label),
                           accuracy: 1e-5, "per-sample loss", file: file, line: line)
            for j in 0..<model.inputSize {
                var plus = x, minus = x
                plus[j] += h
                minus[j] -= h
                let numeric = (model.rowLoss(plus, label: label)
                               - model.rowLoss(minus, label: label)) / (2 * h)
                let analytic = Double(gradient[row * model.inputSize + j])
                worst = max(worst, abs(numeric - analytic) / max(1, abs(numeric)))
            }
        }
        XCTAssertLessThan(worst, 1e-4, "largest relative gradient error", file: file, line: line)
    }

    func testSoftmaxRegressionGradient() {
        var rng = SplitMix64(seed: 1)
        let model = SoftmaxRegression.random(inputs: 5, classes: 3, scale: 2, rng: &rng)
        assertGradientMatchesFiniteDifferences(model, rng: &rng)
    }

    func testReLUMLPGradient() {
        var rng = SplitMix64(seed: 2)
        let model = TinyReLUMLP.random(inputs: 4, hidden: 12, classes: 3, rng: &rng)
        assertGradientMatchesFiniteDifferences(model, rng: &rng)
    }

    func testPiecewiseLinearMLPGradient() {
        var rng = SplitMix64(seed: 3)
        assertGradientMatchesFiniteDifferences(TinyReLUMLP.peak(tail: 4), rng: &rng)
        assertGradientMatchesFiniteDifferences(TinyReLUMLP.ledge, rng: &rng)
    }

    /// The default `logits(inputs:)` of the protocol agrees with `lossGradient`.
    func testDefaultForwardPassMatchesLossGradientLogits() {
        var rng = SplitMix64(seed: 4)
        let model = SoftmaxRegression.random(inputs: 3, classes: 4, scale: 1, rng: &rng)
        let batch = SyntheticData.labelled(by: model, count: 7, rng: &rng)
        XCTAssertEqual(model.logits(inputs: batch.inputs),
                       model.lossGradient(inputs: batch.inputs, labels: batch.labels).logits)
    }
}
