import XCTest

@testable import ReproSparse
import ReproNetwork

final class MaskTests: XCTestCase {
    func testDrawsExactlyKDistinctSortedPositions() throws {
        var rng = SplitMix64(7)
        for (k, n) in [(0, 10), (1, 1), (3, 10), (7, 10), (10, 10), (500, 1000), (999, 1000)] {
            let m = try SparseMask.draw(keep: k, of: n, using: &rng)
            XCTAssertEqual(m.count, k)
            XCTAssertEqual(m, m.sorted())
            XCTAssertEqual(Set(m).count, k)
            XCTAssertTrue(m.allSatisfy { $0 >= 0 && $0 < n })
        }
    }

    func testWidestLayerMaskIsFastAndExact() throws {
        var rng = SplitMix64(1)
        let start = Date()
        let m = try SparseMask.draw(keep: 100_352, of: 784 * 32_768, using: &rng)
        XCTAssertLessThan(Date().timeIntervalSince(start), 2)
        XCTAssertEqual(m.count, 100_352)
        XCTAssertTrue(zip(m, m.dropFirst()).allSatisfy { $0 < $1 })
        XCTAssertLessThan(m.last ?? 0, 784 * 32_768)
    }

    func testPositionsAreRoughlyUniform() throws {
        // 4,000 masks keeping 3 of 8 (Floyd) and 5 of 8 (its complement): each position is kept
        // with probability 3/8 and 5/8.
        var rng = SplitMix64(3)
        var few = [Int](repeating: 0, count: 8)
        var many = [Int](repeating: 0, count: 8)
        for _ in 0..<4_000 {
            for p in try SparseMask.draw(keep: 3, of: 8, using: &rng) { few[p] += 1 }
            for p in try SparseMask.draw(keep: 5, of: 8, using: &rng) { many[p] += 1 }
        }
        for c in few { XCTAssertEqual(Double(c) / 4_000, 3.0 / 8, accuracy: 0.03) }
        for c in many { XCTAssertEqual(Double(c) / 4_000, 5.0 / 8, accuracy: 0.03) }
    }

    func testSameGeneratorSameMask() throws {
        var a = SplitMix64(11)
        var b = SplitMix64(11)
        XCTAssertEqual(
            try SparseMask.draw(keep: 50, of: 10_000, using: &a),
            try SparseMask.draw(keep: 50, of: 10_000, using: &b))
    }

    func testPermutationAndUniformRules() {
        var rng = SplitMix64(5)
        let p = RandomDraws.permutation(count: 1000, &rng)
        XCTAssertEqual(p.sorted(), Array(0..<1000))
        var r = SplitMix64(9)
        var copy = SplitMix64(9)
        XCTAssertEqual(RandomDraws.uniform(&r), Double(copy.next() >> 11) * 0x1p-53)
    }

    func testInitialisationScale() throws {
        let model = try randomModel([(784, 4096, 100_352)], seed: 2)
        let s = Float(1 / (784.0 * 100_352 / (784 * 4096)).squareRoot())
        let layer = model.layers[0]
        XCTAssertLessThanOrEqual(layer.values.map(abs).max() ?? 0, s)
        XCTAssertGreaterThan(layer.values.map(abs).max() ?? 0, 0.99 * s)
        XCTAssertLessThanOrEqual(layer.bias.map(abs).max() ?? 0, s)
    }
}
