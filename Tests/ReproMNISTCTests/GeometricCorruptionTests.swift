import ReproSupport
import XCTest
@testable import ReproMNISTC

/// shear, rotate, scale and translate: skimage-2019 warp conventions (protocol B §2.2).
final class GeometricCorruptionTests: XCTestCase {
    func testTranslateMovesContentByExactlyThreePixelsWithDrawnSigns() {
        var generator = SplitMix64(state: 6)
        var shifts = Set<[Int]>()
        for _ in 0..<40 {
            let output = MNISTCorruption.translate.apply(
                to: TestImages.dot(row: 12, col: 15), using: &generator)
            let lit = TestImages.litPixels(output)
            XCTAssertEqual(lit.count, 1)
            guard let pixel = lit.first else { continue }
            XCTAssertEqual(output[pixel.row * 28 + pixel.col], 255)
            let shift = [pixel.row - 12, pixel.col - 15]
            XCTAssertTrue([[3, 3], [3, -3], [-3, 3], [-3, -3]].contains(shift), "\(shift)")
            shifts.insert(shift)
        }
        XCTAssertEqual(shifts.count, 4, "all four sign combinations occur")
    }

    func testTranslateDirectionFollowsSkimageInverseMap() {
        // Input point = (c + dx, r + dy): with dx = dy = 3 the content moves up and left.
        let moved = AffineCorruptions.translate(
            MNISTImage.unitPlane(TestImages.dot(row: 12, col: 15)), dx: 3, dy: 3)
        XCTAssertEqual(moved[9, 12], 1)
        XCTAssertEqual(moved.values.filter { $0 != 0 }.count, 1)
    }

    func testRotateAndShearByZeroAreTheIdentity() {
        let image = TestImages.random(seed: 7)
        let plane = MNISTImage.unitPlane(image)
        let expected = image.map(Float.init)
        XCTAssertEqual(MNISTImage.bytesScaleFloat32(AffineCorruptions.rotate(plane, angle: 0)),
                       expected)
        XCTAssertEqual(MNISTImage.bytesScaleFloat32(AffineCorruptions.shear(plane, angle: 0)),
                       expected)
        XCTAssertEqual(
            MNISTImage.bytesScaleFloat32(AffineCorruptions.scale(plane, inverseFactor: 1)),
            expected)
    }

    func testRotationByQuarterTurnKeepsCentreAndTurnsContent() {
        // R(π/2) maps the input point of output (c, r) to (13.5 − (r − 13.5), 13.5 + c − 13.5).
        let plane = MNISTImage.unitPlane(TestImages.dot(row: 5, col: 20))
        let turned = AffineCorruptions.rotate(plane, angle: Double.pi / 2)
        // Output (r, c) samples input (row c, col 27 − r): the dot lands at row 7, col 5.
        XCTAssertEqual(turned[7, 5], 1, accuracy: 1e-9)
    }

    func testShearKeepsTheCentreRowAndSlidesOthers() {
        // Input column = c − (r − 13.5)·sin s; input row = 13.5 + (r − 13.5)·cos s.
        let matrix = AffineMatrix(shear: 0.4).fixingCentre()
        let centre = matrix.apply(column: 13.5, row: 13.5)
        XCTAssertEqual(centre.column, 13.5, accuracy: 1e-12)
        XCTAssertEqual(centre.row, 13.5, accuracy: 1e-12)
        let top = matrix.apply(column: 10, row: 0)
        XCTAssertEqual(top.column, 10 + 13.5 * LibM.sin(0.4), accuracy: 1e-12)
        XCTAssertEqual(top.row, 13.5 - 13.5 * LibM.cos(0.4), accuracy: 1e-12)
    }

    func testShearAndRotateUseBothSigns() {
        for corruption in [MNISTCorruption.shear, .rotate] {
            var generator = SplitMix64(state: 8)
            var outputs = Set<[Float]>()
            for _ in 0..<20 {
                outputs.insert(corruption.apply(to: TestImages.seven, using: &generator))
            }
            XCTAssertEqual(outputs.count, 2, "\(corruption): one output per sign")
        }
    }

    func testScaleKeepsTheCentreAndShrinksASquareAboutIt() {
        var generator = SplitMix64(state: 9)
        let output = MNISTCorruption.scale.apply(to: TestImages.square(8...19), using: &generator)
        for (row, col) in [(13, 13), (13, 14), (14, 13), (14, 14)] {
            XCTAssertEqual(output[row * 28 + col], 255, "centre pixel (\(row), \(col))")
        }
        // Half-width 6 × 0.7 = 4.2 about 13.5: columns 10…17 sample only the square, 9 and 18
        // straddle its edge, 8 and 19 (and beyond) sample only the background.
        for index in 10...17 {
            XCTAssertEqual(output[13 * 28 + index], 255, "column \(index)")
            XCTAssertEqual(output[index * 28 + 13], 255, "row \(index)")
        }
        for index in [7, 8, 19, 20] {
            XCTAssertEqual(output[13 * 28 + index], 0, "column \(index)")
            XCTAssertEqual(output[index * 28 + 13], 0, "row \(index)")
        }
        // Symmetric about (13.5, 13.5).
        for index in 0..<784 {
            XCTAssertEqual(output[index], output[783 - index], accuracy: 1e-3)
        }
    }

    func testWarpClipKeepsZeroFillWhenInputHasNoZero() {
        // skimage v0.15: cval 0 outside [min, max] of the input → exact zeros survive the clip,
        // other values are clipped up to the input minimum.
        let plane = MNISTImage.unitPlane(TestImages.constant(100))
        let moved = AffineCorruptions.translate(plane, dx: 3, dy: 0)
        XCTAssertEqual(moved[5, 27], 0)
        XCTAssertEqual(moved[5, 10], 100.0 / 255, accuracy: 1e-12)
        let shifted = AffineCorruptions.translate(plane, dx: 2.5, dy: 0)
        XCTAssertEqual(shifted[5, 25], 100.0 / 255, accuracy: 1e-12, "half-zero blend clipped")
    }
}
