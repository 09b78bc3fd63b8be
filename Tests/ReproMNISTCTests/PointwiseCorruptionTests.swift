import ReproSupport
import XCTest
@testable import ReproMNISTC

/// The corruptions that act pixel by pixel: stripe, brightness, shot and impulse noise
/// (protocol B §2.2).
final class PointwiseCorruptionTests: XCTestCase {
    func testStripeInvertsExactlyColumnsZeroToSixAndTwentyOneToTwentySeven() {
        let image = TestImages.random(seed: 1)
        var generator = SplitMix64(state: 0)
        let output = MNISTCorruption.stripe.apply(to: image, using: &generator)
        for row in 0..<28 {
            for col in 0..<28 {
                let value = Float(image[row * 28 + col])
                let expected = (col < 7 || col >= 21) ? 255 - value : value
                XCTAssertEqual(output[row * 28 + col], expected, "row \(row) col \(col)")
            }
        }
    }

    func testBrightnessIsShiftedValueClippedAtOne() {
        var image = TestImages.random(seed: 2)
        image[0] = 0; image[1] = 127; image[2] = 128; image[3] = 255
        var generator = SplitMix64(state: 0)
        let output = MNISTCorruption.brightness.apply(to: image, using: &generator)
        for (byte, value) in zip(image, output) {
            let expected = min(Double(byte) / 255 + 0.5, 1) * 255
            XCTAssertEqual(Double(value), expected, accuracy: 1e-4)
        }
        XCTAssertEqual(output[0], 127.5, accuracy: 1e-4)
        XCTAssertEqual(output[3], 255)
    }

    func testShotNoiseValuesAreMultiplesOf85() {
        var generator = SplitMix64(state: 3)
        var seen = Set<Float>()
        for seed in 0..<20 {
            let output = MNISTCorruption.shotNoise.apply(
                to: TestImages.random(seed: UInt64(seed)), using: &generator)
            for value in output {
                XCTAssertTrue([0, 85, 170, 255].contains(value), "\(value)")
                seen.insert(value)
            }
        }
        XCTAssertEqual(seen, [0, 85, 170, 255])
    }

    func testShotNoiseMeanFollowsTheImage() {
        // E[min(k, 3)/3] for k ~ Poisson(3·v): 0 on black, ≈ 0.58 at v = 0.5.
        var generator = SplitMix64(state: 4)
        let black = MNISTCorruption.shotNoise.apply(to: TestImages.constant(0), using: &generator)
        XCTAssertEqual(black, [Float](repeating: 0, count: 784))
        var total = 0.0
        for _ in 0..<20 {
            let grey = MNISTCorruption.shotNoise.apply(
                to: TestImages.constant(128), using: &generator)
            total += grey.reduce(0.0) { $0 + Double($1) } / 255
        }
        // λ = 1.5059: Σ_k min(k,3)/3 · P(k) = (P1 + 2 P2 + 3 (1 − P0 − P1 − P2)) / 3.
        let lambda = 3 * 128.0 / 255
        let p0 = LibM.exp(-lambda), p1 = p0 * lambda, p2 = p1 * lambda / 2
        let expected = (p1 + 2 * p2 + 3 * (1 - p0 - p1 - p2)) / 3
        XCTAssertEqual(total / (20 * 784), expected, accuracy: 0.01)
    }

    func testImpulseNoiseValuesAndFlipRate() {
        var generator = SplitMix64(state: 5)
        var changed = 0, salt = 0, total = 0
        for seed in 0..<200 {
            let image = seed % 2 == 0 ? TestImages.constant(128) : TestImages.random(seed: 99)
            let output = MNISTCorruption.impulseNoise.apply(to: image, using: &generator)
            for (byte, value) in zip(image, output) {
                XCTAssertTrue(value == 0 || value == 255 || value == Float(byte))
                if seed % 2 == 0 {
                    total += 1
                    if value != 128 { changed += 1 }
                    if value == 255 { salt += 1 }
                }
            }
        }
        let rate = Double(changed) / Double(total)
        XCTAssertEqual(rate, 0.17, accuracy: 0.005)
        XCTAssertEqual(Double(salt) / Double(changed), 0.5, accuracy: 0.03)
    }
}
