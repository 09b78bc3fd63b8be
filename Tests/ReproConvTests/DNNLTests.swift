import XCTest
@testable import ReproConv

final class DNNLTests: XCTestCase {
    func testDenseConvolutionForwardMatchesLoops() throws {
        for (k, s, p, bias) in [(3, 1, 1, true), (3, 2, 1, false), (1, 2, 0, false), (1, 1, 0, true)] {
            let g = ConvGeometry(inChannels: 3, height: 7, width: 7, outChannels: 4, kernel: k,
                                 stride: s, padding: p, bias: bias)
            let x = randomFloats(2 * 3 * 49, seed: 1, "x")
            let w = randomFloats(g.weightCount, seed: 1, "w")
            let b = randomFloats(4, seed: 1, "b")
            let conv = try DNNLConvolution(g, batch: 2)
            var y = [Float](repeating: 0, count: 2 * 4 * g.outPositions)
            try conv.forward(x: x, w: w, b: bias ? b : nil, y: &y)
            let expected = Reference.conv(x, w, bias ? b : nil, g, batch: 2)
            XCTAssertLessThan(maxDifference(y, expected), 1e-5, "k \(k) s \(s) p \(p)")
        }
    }
}
