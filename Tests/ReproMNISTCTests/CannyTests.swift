import ReproSupport
import XCTest
@testable import ReproMNISTC

/// canny_edges and its pieces (protocol B §2.2).
final class CannyTests: XCTestCase {
    func testCannyIsBinaryAndEmptyOnConstantImages() {
        var generator = SplitMix64(state: 18)
        for value: UInt8 in [0, 90, 255] {
            let output = MNISTCorruption.cannyEdges.apply(
                to: TestImages.constant(value), using: &generator)
            XCTAssertEqual(output, [Float](repeating: 0, count: 784), "constant \(value)")
        }
        for seed in 0..<5 {
            let output = MNISTCorruption.cannyEdges.apply(
                to: TestImages.random(seed: UInt64(seed)), using: &generator)
            XCTAssertTrue(output.allSatisfy { $0 == 0 || $0 == 255 })
        }
    }

    func testCannyFindsTheEdgesOfASquare() {
        var generator = SplitMix64(state: 19)
        let output = MNISTCorruption.cannyEdges.apply(
            to: TestImages.square(8...19), using: &generator)
        let lit = TestImages.litPixels(output)
        XCTAssertGreaterThan(lit.count, 30)
        for pixel in lit {
            // Every edge pixel is within one pixel of the square's boundary (7.5 / 19.5).
            let nearRow = [7, 8, 19, 20].contains(pixel.row) && (7...20).contains(pixel.col)
            let nearCol = [7, 8, 19, 20].contains(pixel.col) && (7...20).contains(pixel.row)
            XCTAssertTrue(nearRow || nearCol, "(\(pixel.row), \(pixel.col))")
        }
        // Each side is found along its middle, and nothing inside or far outside.
        for index in 11...16 {
            XCTAssertTrue([7, 8].contains { output[$0 * 28 + index] == 255 }, "top \(index)")
            XCTAssertTrue([19, 20].contains { output[$0 * 28 + index] == 255 }, "bottom \(index)")
            XCTAssertTrue([7, 8].contains { output[index * 28 + $0] == 255 }, "left \(index)")
            XCTAssertTrue([19, 20].contains { output[index * 28 + $0] == 255 }, "right \(index)")
        }
        XCTAssertEqual(output[13 * 28 + 13], 0)
    }

    func testSmoothingIsNormalisedNearTheBorder() {
        // Dividing by the blurred all-ones image keeps a constant image constant everywhere.
        let plane = Plane(rows: 28, cols: 28, repeating: 0.6)
        let smoothed = CannyEdgeDetector().smoothed(plane)
        for value in smoothed.values { XCTAssertEqual(value, 0.6, accuracy: 1e-12) }
    }

    func testSobelOnARamp() {
        // f(r, c) = 2r + 3c: isobel = 2·(2) ·(1+2+1) = 16, jsobel = 3·2·4 = 24 inside.
        var plane = Plane(rows: 6, cols: 7)
        for r in 0..<6 { for c in 0..<7 { plane[r, c] = Double(2 * r + 3 * c) } }
        let isobel = sobel(plane, axis: 0), jsobel = sobel(plane, axis: 1)
        XCTAssertEqual(isobel[2, 3], 16)
        XCTAssertEqual(jsobel[2, 3], 24)
        // 'reflect' repeats the edge: at row 0 the derivative is f(1) − f(0) = 2, times 4.
        XCTAssertEqual(isobel[0, 3], 8)
    }

    func testHysteresisKeepsComponentsTouchingAHighPixel() {
        // Two diagonal chains (8-connected) and one isolated weak pixel.
        var low = [Bool](repeating: false, count: 25), high = low
        for i in [0, 6, 12] { low[i] = true }        // (0,0) (1,1) (2,2)
        high[12] = true
        low[4] = true; low[9] = true                  // (0,4) (1,4): no high pixel
        low[20] = true                                // (4,0)
        let kept = hysteresis(low: low, high: high, rows: 5, cols: 5)
        XCTAssertEqual(kept.indices.filter { kept[$0] }, [0, 6, 12])
        let labelled = labelEightConnected(low, rows: 5, cols: 5)
        XCTAssertEqual(labelled.count, 3)
        XCTAssertEqual(labelled.labels[0], 1)
        XCTAssertEqual(labelled.labels[4], 2)
    }
}
