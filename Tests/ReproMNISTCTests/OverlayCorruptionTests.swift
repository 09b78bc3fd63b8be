import ReproSupport
import XCTest
@testable import ReproMNISTC

/// fog, spatter, dotted line and zigzag: the corruptions that paint over the digit
/// (protocol B §2.2).
final class OverlayCorruptionTests: XCTestCase {
    func testFogAndSpatterStayInByteRange() {
        var generator = SplitMix64(state: 12)
        for seed in 0..<10 {
            let images = [TestImages.random(seed: UInt64(seed)), TestImages.seven,
                          TestImages.constant(255), TestImages.constant(0)]
            for image in images {
                for corruption in [MNISTCorruption.fog, .spatter] {
                    let output = corruption.apply(to: image, using: &generator)
                    XCTAssertTrue(output.allSatisfy { $0 >= 0 && $0 <= 255 }, "\(corruption)")
                }
            }
        }
    }

    func testFogFollowsItsFormula() {
        // A black image stays black (m = 0); on a full-white image, out = (1 + 3F)/4·255,
        // so every value lies in [63.75, 255] and the fractal's range shows.
        var generator = SplitMix64(state: 13)
        XCTAssertEqual(MNISTCorruption.fog.apply(to: TestImages.constant(0), using: &generator),
                       [Float](repeating: 0, count: 784))
        let white = MNISTCorruption.fog.apply(to: TestImages.constant(255), using: &generator)
        XCTAssertTrue(white.allSatisfy { $0 >= 63.74 && $0 <= 255 })
        XCTAssertGreaterThan(white.max()! - white.min()!, 20)
    }

    func testPlasmaFractalIsNormalisedAndSmooth() {
        var generator = SplitMix64(state: 14)
        let map = PlasmaFractal.generate(size: 64, wibbleDecay: 1.4, keep: 64, using: &generator)
        XCTAssertEqual(map.minimum, 0)
        XCTAssertEqual(map.maximum, 1)
        // Neighbours differ far less than random values would (mean |Δ| ≈ 1/3).
        var total = 0.0
        for row in 0..<64 { for col in 0..<63 { total += abs(map[row, col + 1] - map[row, col]) } }
        XCTAssertLessThan(total / (64 * 63), 0.1)
    }

    func testSpatterPaintsMudOrLeavesPixels() {
        // On black, every pixel is 0 or 63·m with m ≥ 0.8 (so ≥ 50.4); some images get mud.
        var generator = SplitMix64(state: 15)
        var mudded = 0
        for _ in 0..<30 {
            let output = MNISTCorruption.spatter.apply(
                to: TestImages.constant(0), using: &generator)
            XCTAssertTrue(output.allSatisfy { $0 == 0 || ($0 >= 50.39 && $0 <= 63.01) })
            if output.contains(where: { $0 > 0 }) { mudded += 1 }
        }
        XCTAssertGreaterThan(mudded, 5)
    }

    func testDottedLineIsVisibleOnlyInItsColumns() {
        let allowed = Set([2, 3, 6, 7, 10, 11, 14, 15, 18, 19, 22, 23, 26])
        XCTAssertEqual(Set((0..<28).filter { DottedLine.isDrawn(column: $0) && $0 != 27 }),
                       allowed)
        var generator = SplitMix64(state: 16)
        var litColumns = Set<Int>()
        for _ in 0..<40 {
            let output = MNISTCorruption.dottedLine.apply(
                to: TestImages.constant(0), using: &generator)
            for pixel in TestImages.litPixels(output) {
                XCTAssertTrue(allowed.contains(pixel.col), "column \(pixel.col)")
                litColumns.insert(pixel.col)
            }
        }
        XCTAssertEqual(litColumns, allowed)
    }

    func testLineHelperIntensityAndMasking() {
        let line = lineFromPoints(c0: 2, r0: 10, c1: 20, r1: 10)
        XCTAssertEqual(line[10, 5], 1)
        XCTAssertEqual(line[11, 5], LibM.log(1 - 1 / 2.3) + 1, accuracy: 1e-12)
        XCTAssertEqual(line[12, 5], 0)   // d = 2 > 1.454
        XCTAssertEqual(line[10, 1], 0)   // before floor(c0)
        XCTAssertEqual(line[10, 19], 1)
        XCTAssertEqual(line[10, 20], 0)  // from ceil(c1) on
        XCTAssertEqual(lineFromPoints(c0: 4, r0: 0, c1: 4, r1: 20).values.max(), 0)
    }

    func testZigzagStaysWithinItsColumns() {
        var generator = SplitMix64(state: 17)
        var litColumns = Set<Int>()
        for _ in 0..<60 {
            let output = MNISTCorruption.zigzag.apply(to: TestImages.constant(0), using: &generator)
            let lit = TestImages.litPixels(output)
            XCTAssertGreaterThan(lit.count, 20)
            for pixel in lit {
                XCTAssertTrue((2...25).contains(pixel.col), "column \(pixel.col)")
                litColumns.insert(pixel.col)
            }
        }
        XCTAssertTrue(litColumns.contains(2) && litColumns.contains(25))
    }

    func testZigzagVerticesFollowTheSource() {
        // Flat zigzag (r1 = r0): d = 23, vertices x = 0, 2, 6, …, 22, 23 with y = 0, ±2, then
        // −2/(2·(23 − 20)) = −1/3; shifted by (2, r0).
        let points = Zigzag.vertices(r0: 10, r1: 10)
        XCTAssertEqual(points.map { $0.column }, [2, 4, 8, 12, 16, 20, 24, 25])
        let rows = points.map { $0.row }
        let expected = [10, 12, 8, 12, 8, 12, 8, 10 - 1.0 / 3]
        for (row, value) in zip(rows, expected) { XCTAssertEqual(row, value, accuracy: 1e-12) }
        // Tilted: 8 vertices, first at (2, r0), last near column 25.
        let tilted = Zigzag.vertices(r0: 10, r1: 6)
        XCTAssertEqual(tilted.count, 8)
        XCTAssertEqual(tilted[0].column, 2)
        XCTAssertEqual(tilted[0].row, 10)
    }
}
