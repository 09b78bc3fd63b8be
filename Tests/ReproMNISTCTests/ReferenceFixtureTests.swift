import ReproSupport
import XCTest
@testable import ReproMNISTC

/// Numbers computed once with the originals (SciPy's `ndimage`, skimage v0.15's `canny` source,
/// and MNIST-C's `corruptions.py` under skimage-0.15 semantics, with NumPy's random calls fed
/// from the same SplitMix64 stream and the same sampling rules as this port). Only the numbers
/// are kept here. The port matched every pixel exactly on these and on 8 further images × 3
/// seeds for all 15 corruptions; motion blur matched ImageMagick 6.9.11 Q16 except for that
/// release's truncating 8-bit export (see the module README).
final class ReferenceFixtureTests: XCTestCase {
    /// ((7r + 13c) mod 17)/16: no zero border, so the boundary modes differ.
    private let pattern: Plane = {
        var plane = Plane(rows: 28, cols: 28)
        for r in 0..<28 { for c in 0..<28 { plane[r, c] = Double((r * 7 + c * 13) % 17) / 16 } }
        return plane
    }()

    func testGaussianFilterModesMatchSciPy() {
        let expected: [(BoundaryMode, [Double])] = [
            (.nearest, [391.8660625280837, 0.30204648986443317, 0.5729175598911259,
                        0.4388201205012118, 0.5187145976810397]),
            (.constant(0), [371.6881525926169, 0.18704338429372566, 0.26132425326323494,
                            0.3241177718983838, 0.5187145976810397]),
            (.reflect, [391.8125, 0.33976856445019327, 0.5543594744111403,
                        0.4519499186251592, 0.5187145976810397]),
        ]
        for (mode, values) in expected {
            let g = skimageGaussian(pattern, sigma: 1, mode: mode)
            XCTAssertEqual(g.values.reduce(0, +), values[0], accuracy: 1e-9, "\(mode)")
            XCTAssertEqual(g[0, 0], values[1], accuracy: 1e-15, "\(mode)")
            XCTAssertEqual(g[0, 27], values[2], accuracy: 1e-15, "\(mode)")
            XCTAssertEqual(g[27, 13], values[3], accuracy: 1e-15, "\(mode)")
            XCTAssertEqual(g[13, 13], values[4], accuracy: 1e-15, "\(mode)")
        }
    }

    func testVerticalAndFloat32GaussiansMatchSciPy() {
        let vertical = multichannelQuirkGaussian(pattern, sigma: 0.7)
        XCTAssertEqual(vertical[0, 0], 0.09829354364539115, accuracy: 1e-15)
        XCTAssertEqual(vertical[27, 13], 0.19272588368007498, accuracy: 1e-15)
        XCTAssertEqual(vertical[13, 13], 0.5307371309229754, accuracy: 1e-15)
        let single = skimageGaussian(
            pattern.map { Double(Float($0)) }, sigma: 1.5, storeAsFloat32: true)
        XCTAssertEqual(Float(single[0, 0]), 0.34937265515327454)
        XCTAssertEqual(Float(single[27, 13]), 0.4695729911327362)
        XCTAssertEqual(Float(single[13, 13]), 0.5113173723220825)
    }

    func testSobelMatchesSciPy() {
        XCTAssertEqual(sobel(pattern, axis: 0)[0, 5], -1.4375)
        XCTAssertEqual(sobel(pattern, axis: 0)[13, 13], 0.3125)
        XCTAssertEqual(sobel(pattern, axis: 1)[27, 0], 2.1875)
    }

    func testCannyMatchesSkimageOnHandMadeDigits() {
        let zeroEdges: [Int] = [
            150, 151, 152, 153, 154, 155, 156, 157, 177, 178, 185, 186, 205, 214, 232, 243, 260,
            263, 264, 265, 266, 267, 268, 271, 287, 288, 291, 296, 299, 300, 315, 319, 324, 328,
            343, 346, 353, 356, 371, 374, 381, 384, 399, 402, 409, 412, 427, 430, 437, 440, 455,
            459, 464, 468, 483, 484, 487, 492, 495, 496, 512, 515, 516, 517, 518, 519, 520, 523,
            540, 551, 569, 578, 597, 598, 605, 606, 626, 627, 628, 629, 630, 631, 632, 633,
        ]
        let sevenEdges: [Int] = [
            120, 121, 122, 123, 124, 125, 126, 127, 128, 129, 130, 131, 146, 147, 159, 160, 161,
            174, 189, 202, 218, 230, 231, 239, 240, 241, 246, 260, 261, 262, 263, 264, 265, 266,
            269, 270, 274, 298, 302, 325, 326, 329, 330, 352, 353, 357, 380, 384, 407, 408, 411,
            412, 434, 435, 438, 439, 461, 462, 466, 489, 493, 494, 516, 517, 520, 521, 543, 544,
            548, 571, 575, 576, 598, 599, 602, 603, 625, 626, 629, 630, 654, 656, 657, 682, 683,
        ]
        for (image, expected) in [(TestImages.zero, zeroEdges), (TestImages.seven, sevenEdges)] {
            var generator = SplitMix64(state: 0)
            let output = MNISTCorruption.cannyEdges.apply(to: image, using: &generator)
            XCTAssertEqual(output.indices.filter { output[$0] == 255 }, expected)
        }
    }

    func testCorruptionsOfTheSevenMatchCorruptionsPy() {
        // (corruption, Σ pixels, [(index, value)]) for SplitMix64(state: 1).
        let expected: [(MNISTCorruption, Double, [(Int, Float)])] = [
            (.glassBlur, 30003.938692665295,
             [(215, 252.41226196289062), (435, 170.65286254882812)]),
            (.shear, 32570.26668524742, [(207, 255), (412, 52.093528747558594)]),
            (.rotate, 30174.293937921524, [(229, 255), (379, 10.943598747253418)]),
            (.scale, 14581.07144832611, [(265, 255), (382, 230)]),
            (.translate, 30120, [(124, 255), (296, 230)]),
            (.fog, 31082.07812690735, [(262, 20.81159019470215), (523, 38.59086227416992),
                                       (400, 21.2841796875)]),
            (.spatter, 33453.65888595581, [(210, 255), (465, 230)]),
            (.dottedLine, 35173.231041908264, [(227, 149.75184631347656), (411, 230)]),
            (.zigzag, 35599.65972518921, [(205, 255), (305, 18.850942611694336)]),
            (.shotNoise, 23460, [(212, 255), (384, 85)]),
        ]
        for (corruption, sum, pixels) in expected {
            var generator = SplitMix64(state: 1)
            let output = corruption.apply(to: TestImages.seven, using: &generator)
            XCTAssertEqual(output.reduce(0.0) { $0 + Double($1) }, sum, accuracy: 1e-6,
                           "\(corruption)")
            for (index, value) in pixels {
                XCTAssertEqual(output[index], value, "\(corruption) pixel \(index)")
            }
        }
    }

    func testMotionBlurMatchesImageMagickOnADot() {
        // ImageMagick 6 (Q16) `-motion-blur 10x3+0` on a 255 dot at row 10, column 20, as 16-bit
        // quanta at columns 20, 19, …, 10; the 8-bit values are these divided by 257, rounded.
        let quanta = [15384, 14553, 12319, 9331, 6325, 3836, 2082, 1011, 439, 171, 59]
        let kernel = MotionBlurKernel(radius: 10, sigma: 3, angle: 0)
        for (i, quantum) in quanta.enumerated() {
            XCTAssertEqual(MotionBlur.clampToQuantum(kernel.weights[i] * 65535), quantum)
        }
        let output = MotionBlur.blur(TestImages.dot(row: 10, col: 20), kernel: kernel)
        XCTAssertEqual(Array(output[(10 * 28 + 10)...(10 * 28 + 20)].reversed()),
                       [60, 57, 48, 36, 25, 15, 8, 4, 2, 1, 0])
    }
}
