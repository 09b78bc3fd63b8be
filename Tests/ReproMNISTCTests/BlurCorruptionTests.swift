import ReproSupport
import XCTest
@testable import ReproMNISTC

/// glass blur and motion blur (protocol B §2.2).
final class BlurCorruptionTests: XCTestCase {
    func testGlassBlurGaussianStageSpreadsAlongTheColumnOnly() {
        let plane = MNISTImage.unitPlane(TestImages.dot(row: 14, col: 9))
        let blurred = GlassBlur.gaussianStage(plane)
        for row in 0..<28 {
            for col in 0..<28 where col != 9 {
                XCTAssertEqual(blurred[row, col], 0, "row \(row) col \(col)")
            }
        }
        // σ 0.7, truncate 4 → radius 3: rows 11…17 lit, symmetric, peak at the dot.
        for offset in 1...3 {
            XCTAssertGreaterThan(blurred[14 + offset, 9], 0)
            XCTAssertEqual(blurred[14 + offset, 9], blurred[14 - offset, 9])
            XCTAssertLessThan(blurred[14 + offset, 9], blurred[14 + offset - 1, 9])
        }
        XCTAssertEqual(blurred[10, 9], 0)
        XCTAssertEqual(blurred[18, 9], 0)
        XCTAssertEqual(blurred.values.reduce(0, +), 1, accuracy: 1e-12)
    }

    func testGlassBlurGaussianWeightsMatchTheNormalisedKernel() {
        let kernel = GaussianKernel(sigma: 0.7)
        XCTAssertEqual(kernel.radius, 3)
        let raw = (-3...3).map { LibM.exp(-Double($0 * $0) / (2 * 0.49)) }
        let total = raw.reduce(0, +)
        for (weight, value) in zip(kernel.weights, raw) {
            XCTAssertEqual(weight, value / total, accuracy: 1e-15)
        }
    }

    func testGlassBlurShuffleSwapsWithUpperLeftNeighboursOnly() {
        // Each swap pairs (h, w), h, w ∈ 2…27, with (h + dy, w + dx), dx, dy ∈ {−1, 0}: the
        // bytes are permuted, row 0 and column 0 never change, and because positions are
        // visited bottom-right first, a pixel moves down or right at most once per pass (by at
        // most one step) while it can travel further up and left.
        var generator = SplitMix64(state: 10)
        let labelled = (0..<784).map { UInt8($0 % 251) }
        var movedUpLeftFar = false
        for _ in 0..<50 {
            var bytes = labelled
            GlassBlur.shuffleLocally(&bytes, using: &generator)
            XCTAssertEqual(bytes.sorted(), labelled.sorted())
            XCTAssertEqual(Array(bytes[0..<28]), Array(labelled[0..<28]))
            XCTAssertEqual((0..<28).map { bytes[$0 * 28] }, (0..<28).map { labelled[$0 * 28] })

            var dot = TestImages.dot(row: 14, col: 9)
            GlassBlur.shuffleLocally(&dot, using: &generator)
            guard let index = dot.firstIndex(of: 255) else { return XCTFail("pixel lost") }
            let row = index / 28, col = index % 28
            XCTAssertTrue(row <= 16 && col <= 11 && row >= 1 && col >= 1, "\(row), \(col)")
            if row < 12 || col < 7 { movedUpLeftFar = true }
        }
        XCTAssertTrue(movedUpLeftFar)
    }

    func testMotionBlurKernelHasTwentyOneTapsPeakingAtOffsetZero() {
        for angle in [-45.0, -10, 0, 17.5, 45] {
            let kernel = MotionBlurKernel(radius: 10, sigma: 3, angle: angle)
            XCTAssertEqual(kernel.weights.count, 21)
            XCTAssertEqual(kernel.weights.reduce(0, +), 1, accuracy: 1e-12)
            XCTAssertEqual(kernel.offsets[0].dx, 0)
            XCTAssertEqual(kernel.offsets[0].dy, 0)
            XCTAssertEqual(kernel.weights.firstIndex(of: kernel.weights.max() ?? 0), 0)
            for i in 1..<21 { XCTAssertLessThan(kernel.weights[i], kernel.weights[i - 1]) }
            // One-sided: tap i lies i·(cos θ, sin θ) away, rounded half up.
            let radians = angle * Double.pi / 180
            for (i, offset) in kernel.offsets.enumerated() {
                XCTAssertEqual(Double(offset.dx), (Double(i) * LibM.cos(radians)).rounded(),
                               accuracy: 1)
                XCTAssertEqual(Double(offset.dy), (Double(i) * LibM.sin(radians)).rounded(),
                               accuracy: 1)
            }
        }
        let flat = MotionBlurKernel(radius: 10, sigma: 3, angle: 0)
        XCTAssertEqual(flat.offsets.map { $0.dx }, Array(0...20))
        XCTAssertEqual(flat.offsets.map { $0.dy }, [Int](repeating: 0, count: 21))
        XCTAssertEqual(flat.weights[1] / flat.weights[0], LibM.exp(-1.0 / 18), accuracy: 1e-12)
    }

    func testMotionBlurStreaksToOneSideAndIsEightBit() {
        // Angle 0: out(x) = Σ k_i in(x + i), so a bright dot at column 20 appears at columns
        // 0…20 of its row (weaker further left) and nowhere right of it.
        let kernel = MotionBlurKernel(radius: 10, sigma: 3, angle: 0)
        let output = MotionBlur.blur(TestImages.dot(row: 10, col: 20), kernel: kernel)
        XCTAssertEqual(output[10 * 28 + 20], MotionBlur.scaleQuantumToChar(
            MotionBlur.clampToQuantum(kernel.weights[0] * 257 * 255)))
        XCTAssertEqual(output[10 * 28 + 21], 0)
        XCTAssertGreaterThan(output[10 * 28 + 15], 0)
        XCTAssertGreaterThan(output[10 * 28 + 19], output[10 * 28 + 15])
        for row in 0..<28 where row != 10 {
            XCTAssertEqual(output[(row * 28)..<(row * 28 + 28)].max(), 0)
        }
        // Edge replication: a constant image stays constant.
        let flat = MotionBlur.blur(TestImages.constant(77), kernel: kernel)
        XCTAssertEqual(flat, TestImages.constant(77))
        var generator = SplitMix64(state: 11)
        let full = MNISTCorruption.motionBlur.apply(to: TestImages.seven, using: &generator)
        XCTAssertTrue(full.allSatisfy { $0 == $0.rounded() })
    }

    func testImageMagickQuantumScalingRoundTripsBytes() {
        for byte in 0...255 {
            XCTAssertEqual(MotionBlur.scaleQuantumToChar(257 * byte), UInt8(byte))
        }
        XCTAssertEqual(MotionBlur.clampToQuantum(-3), 0)
        XCTAssertEqual(MotionBlur.clampToQuantum(70000), 65535)
        XCTAssertEqual(MotionBlur.clampToQuantum(1.5), 2)
    }
}
