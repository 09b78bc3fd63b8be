import XCTest
@testable import ReproConv

/// The 2×2 max pool's eight-lane path against the plain window loop, with many ties (the first
/// maximum in window order wins) and an odd number of outputs per line.
final class PoolKernelTests: XCTestCase {
    func testMaxPoolAgainstLoops() {
        let s = PoolKernels.Shape(planes: 3, height: 6, width: 22, size: 2, stride: 2)
        let x = (0..<(s.planes * s.height * s.width)).map { Float(($0 * 7919) % 4) }
        let count = s.planes * s.outHeight * s.outWidth
        var y = [Float](repeating: .nan, count: count)
        var argmax = [Int32](repeating: -1, count: count)
        PoolKernels.maxForward(s, x: x, y: &y, argmax: &argmax, threads: 2)
        for p in 0..<s.planes {
            for i in 0..<s.outHeight {
                for j in 0..<s.outWidth {
                    var best = -Float.infinity, at = -1
                    for a in 0..<2 {
                        for b in 0..<2 {
                            let idx = (2 * i + a) * s.width + 2 * j + b
                            if at < 0 || x[p * s.height * s.width + idx] > best {
                                best = x[p * s.height * s.width + idx]; at = idx
                            }
                        }
                    }
                    let o = (p * s.outHeight + i) * s.outWidth + j
                    XCTAssertEqual(y[o], best, "plane \(p) output (\(i), \(j))")
                    XCTAssertEqual(argmax[o], Int32(at), "plane \(p) output (\(i), \(j))")
                }
            }
        }
    }
}
