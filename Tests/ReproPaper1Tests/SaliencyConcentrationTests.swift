import XCTest
import ReproNN
@testable import ReproPaper1

/// Shares of saliency on stroke pixels, on 4-pixel images through 4-1-1 networks whose finite
/// differences are known by hand.
final class SaliencyConcentrationTests: XCTestCase {
    func testSharesOfOneImage() throws {
        // Stroke pixels (x > 0.1): 1 and 3. Mass on them: (2 + 4) / 10.
        let s = try XCTUnwrap(SaliencyConcentration.shares(saliency: [1, 2, 3, 4], image: [0, 0.5, 0.1, 1]))
        XCTAssertEqual(s.mass, 0.6, accuracy: 1e-15)
        XCTAssertEqual(s.pixels, 0.5)
        XCTAssertNil(SaliencyConcentration.shares(saliency: [0, 0, 0, 0], image: [0, 0.5, 0, 1]), "no saliency at all")
        XCTAssertNil(SaliencyConcentration.shares(saliency: [1, 2, 3, 4], image: [0, 0.1, 0.05, 0]), "no stroke pixel")
    }

    /// One hidden unit, always active (b1 = 1, x ≥ 0): logit = b2 + 1 + Σ w1[i]·x[i].
    func model(_ w1: [Double], b2: Double) -> MLPParameters {
        MLPParameters(inputs: 4, hidden: 1, w1: w1, b1: [1], w2: [1], b2: b2)
    }

    func testEqualWeightsGiveEqualSharesAndMisclassifiedImagesAreLeftOut() {
        // Every pixel moves the logit by the same ε, so the mass share equals the pixel share.
        // A: z = 2.7, p > 0.5, label 1 (right); B: z = 1.55, p < 0.5, label 0 (right);
        // C: z = 1.6, p < 0.5, label 1 (wrong, left out: it would pull the pixel share to 1/3).
        let data = TrainingSet(features: [0.9, 0.8, 0, 0, 0.5, 0, 0, 0.05, 0, 0, 0, 0.6], labels: [1, 0, 1], inputs: 4)
        let row = SaliencyConcentration.row(seed: 7, hidden: 1, model: "original", model([1, 1, 1, 1], b2: -2), on: data)
        XCTAssertEqual(row.images, 2)
        XCTAssertEqual(row.pixelShare, (0.5 + 0.25) / 2, accuracy: 1e-12)
        XCTAssertEqual(row.massShare, (0.5 + 0.25) / 2, accuracy: 1e-9)
        XCTAssertEqual(row.ratio, 1, accuracy: 1e-9)
        XCTAssertEqual([row.seed, row.hidden], [7, 1])
    }

    func testAllSaliencyOnOnePixel() {
        // Only pixel 0 has a weight, so all of each map is on pixel 0.
        // D = (0.7, 0, 0.3, 0): strokes 0 and 2 → mass 1, pixels 1/2, ratio 2 (z = 1.7, label 1).
        // E = (0, 0.9, 0, 0): stroke 1 only → mass 0, pixels 1/4, ratio 0 (z = 1, label 0).
        let data = TrainingSet(features: [0.7, 0, 0.3, 0, 0, 0.9, 0, 0], labels: [1, 0], inputs: 4)
        let row = SaliencyConcentration.row(seed: 0, hidden: 1, model: "pruned", model([1, 0, 0, 0], b2: -1.35), on: data)
        XCTAssertEqual(row.images, 2)
        XCTAssertEqual(row.massShare, 0.5, accuracy: 1e-12)
        XCTAssertEqual(row.pixelShare, 0.375, accuracy: 1e-12)
        XCTAssertEqual(row.ratio, 1, accuracy: 1e-12, "the mean of per-image ratios, not 0.5 / 0.375")
        XCTAssertEqual(row.model, "pruned")
    }

    func testFlatMapsAreLeftOutAndLeaveNoNumbers() {
        // No weight at all: p = σ(0.5) for every image, right for label 1, but no saliency anywhere.
        let data = TrainingSet(features: [0.7, 0, 0.3, 0], labels: [1], inputs: 4)
        let row = SaliencyConcentration.row(seed: 0, hidden: 1, model: "pruned", model([0, 0, 0, 0], b2: -0.5), on: data)
        XCTAssertEqual(row.images, 0)
        XCTAssertTrue(row.massShare.isNaN && row.pixelShare.isNaN && row.ratio.isNaN)
    }
}
