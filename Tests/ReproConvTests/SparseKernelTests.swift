import XCTest
import ReproSupport
@testable import ReproConv

/// The sparse conv against the textbook loops on the masked dense weights: forward, input
/// gradient, weight and bias gradients, in one or several image groups, at keeps 1/4, 1/16, 1/64, with
/// 3×3 and 1×1 kernels at strides 1 and 2; and the same bits for every thread count.
final class SparseKernelTests: XCTestCase {
    static let shapes: [ConvGeometry] = [
        ConvGeometry(inChannels: 6, height: 10, width: 10, outChannels: 8, kernel: 3, stride: 1, padding: 1, bias: true),
        ConvGeometry(inChannels: 16, height: 4, width: 4, outChannels: 12, kernel: 3, stride: 1, padding: 1, bias: false),
        ConvGeometry(inChannels: 5, height: 9, width: 9, outChannels: 7, kernel: 3, stride: 2, padding: 1, bias: true),
        ConvGeometry(inChannels: 12, height: 6, width: 6, outChannels: 16, kernel: 1, stride: 1, padding: 0, bias: false),
        ConvGeometry(inChannels: 8, height: 8, width: 8, outChannels: 16, kernel: 1, stride: 2, padding: 0, bias: false),
    ]

    struct Case {
        let g: ConvGeometry
        let positions: [Int]
        let values, dense, bias, x, dy: [Float]
        let batch = 5

        init(_ g: ConvGeometry, keepOneIn: Int, seed: Int) {
            self.g = g
            var rng = RandomStream(seed: seed, "positions")
            var all = Array(0..<g.weightCount)
            rng.shuffle(&all)
            positions = Array(all.prefix(max(1, g.weightCount / keepOneIn))).sorted()
            values = randomFloats(positions.count, seed: seed, "values")
            var dense = [Float](repeating: 0, count: g.weightCount)
            for (k, p) in positions.enumerated() { dense[p] = values[k] }
            self.dense = dense
            bias = randomFloats(g.outChannels, seed: seed, "bias")
            x = randomFloats(batch * g.inChannels * g.inPositions, seed: seed, "x")
            dy = randomFloats(batch * g.outChannels * g.outPositions, seed: seed, "dy")
        }

        /// y, dx, the kept weights' gradients and the bias gradient from our kernels.
        func run(threads: Int, tileFloats: Int) -> [[Float]] {
            let conv = SparseConvolution(g, positions: positions, batch: batch, threads: threads,
                                         tileFloats: tileFloats)
            var y = [Float](repeating: .nan, count: dy.count), dx = [Float](repeating: .nan, count: x.count)
            var dw = [Float](repeating: .nan, count: positions.count), db = [Float](repeating: .nan, count: g.outChannels)
            conv.forward(x: x, values: values, bias: g.bias ? bias : nil, y: &y, batch: batch)
            conv.backward(x: x, dy: dy, values: values, dx: &dx, weightGradients: &dw, biasGradients: &db, batch: batch)
            return [y, dx, dw, db]
        }
    }

    func testAgainstMaskedDenseLoops() {
        for (s, g) in Self.shapes.enumerated() {
            for keep in [4, 16, 64] {
                let c = Case(g, keepOneIn: keep, seed: s * 100 + keep)
                let y = Reference.conv(c.x, c.dense, g.bias ? c.bias : nil, g, batch: c.batch)
                let r = Reference.convGradients(c.x, c.dense, dy: c.dy, g, batch: c.batch)
                let expected = [y, r.dx, c.positions.map { r.dw[$0] }, r.db]
                for tile in [1, 700, 1 << 17] {
                    let got = c.run(threads: 2, tileFloats: tile)
                    for (k, name) in ["forward", "input gradient", "weight gradient", "bias gradient"].enumerated() {
                        XCTAssertLessThan(maxDifference(got[k], expected[k]), 1e-4,
                                          "\(name) of \(g) keep 1/\(keep) tile \(tile)")
                    }
                }
            }
        }
    }

    /// Groups are fixed by the shape, and gradients summed over them in order: every thread count
    /// gives the same bits.
    func testSameBitsForEveryThreadCount() {
        for (s, g) in Self.shapes.enumerated() {
            let c = Case(g, keepOneIn: 16, seed: s)
            let one = c.run(threads: 1, tileFloats: 700)
            for threads in [2, 3, 5] {
                XCTAssertEqual(c.run(threads: threads, tileFloats: 700), one, "\(g) on \(threads) threads")
            }
        }
    }
}
