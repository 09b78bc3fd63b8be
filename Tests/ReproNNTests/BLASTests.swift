import XCTest
@testable import ReproNN

final class BLASTests: XCTestCase {
    func testGEMMAgainstHandComputedProduct() {
        let a: [Float] = [1, 2, 3, 4, 5, 6]          // 2×3
        let b: [Float] = [7, 8, 9, 10, 11, 12]       // 3×2
        var c = [Float](repeating: 1, count: 4)
        Float.gemm(transA: false, transB: false, m: 2, n: 2, k: 3, alpha: 1, a: a, lda: 3, b: b,
                   ldb: 2, beta: 2, c: &c, ldc: 2)
        let expected: [Float] = [60, 66, 141, 156]   // a·b = [58 64; 139 154], plus 2·1
        XCTAssertEqual(c, expected)
        var d = [Double](repeating: 0, count: 9)     // aᵀ·a, 3×3
        let ad = a.map(Double.init)
        Double.gemm(transA: true, transB: false, m: 3, n: 3, k: 2, alpha: 1, a: ad, lda: 3, b: ad,
                    ldb: 3, beta: 0, c: &d, ldc: 3)
        XCTAssertEqual(d, [17, 22, 27, 22, 29, 36, 27, 36, 45])
    }

    func testGEMVTransposed() {
        let a: [Double] = [1, 2, 3, 4, 5, 6]         // 2×3
        var y = [Double](repeating: 0, count: 3)
        Double.gemv(trans: true, m: 2, n: 3, alpha: 1, a: a, lda: 3, x: [1, -1], beta: 0, y: &y)
        XCTAssertEqual(y, [-3, -3, -3])
    }
}
