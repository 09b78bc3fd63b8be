import ReproSupport
import XCTest
@testable import ReproMNISTC

/// The hand-written samplers: uniform, integers, normal (polar), Poisson (Knuth).
final class SamplerTests: XCTestCase {
    func testUnitDoublesAreFiftyThreeBitGridPointsInTheUnitInterval() {
        var generator = SplitMix64(state: 40)
        var copy = generator
        let values = generator.unitDoubles(count: 1000)
        for value in values {
            XCTAssertTrue(value >= 0 && value < 1)
            XCTAssertEqual(value * 0x1p53, (value * 0x1p53).rounded())
        }
        XCTAssertEqual(values[0], Double(copy.next() >> 11) * 0x1p-53)
        XCTAssertEqual(values.reduce(0, +) / 1000, 0.5, accuracy: 0.03)
    }

    func testIntegersCoverTheHalfOpenRangeUniformly() {
        var generator = SplitMix64(state: 41)
        var counts = [Int: Int]()
        for _ in 0..<27_000 { counts[generator.nextInt(from: -5, below: 4), default: 0] += 1 }
        XCTAssertEqual(Set(counts.keys), Set(-5..<4))
        for (_, count) in counts { XCTAssertEqual(Double(count), 3000, accuracy: 250) }
    }

    func testNormalsHaveMeanZeroAndUnitVariance() {
        var generator = SplitMix64(state: 42)
        let values = generator.standardNormals(count: 40_001)
        XCTAssertEqual(values.count, 40_001)
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        XCTAssertEqual(mean, 0, accuracy: 0.02)
        XCTAssertEqual(variance, 1, accuracy: 0.03)
        let tail = Double(values.filter { abs($0) > 1.96 }.count) / Double(values.count)
        XCTAssertEqual(tail, 0.05, accuracy: 0.006)
    }

    func testPoissonMatchesItsMeanVarianceAndZeroMass() {
        var generator = SplitMix64(state: 43)
        for lambda in [0.3, 1.5, 3.0] {
            let draws = (0..<40_000).map { _ in Double(generator.nextPoisson(mean: lambda)) }
            let mean = draws.reduce(0, +) / 40_000
            let variance = draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 40_000
            XCTAssertEqual(mean, lambda, accuracy: 0.03 * max(lambda, 1))
            XCTAssertEqual(variance, lambda, accuracy: 0.06 * max(lambda, 1))
            let zeros = Double(draws.filter { $0 == 0 }.count) / 40_000
            XCTAssertEqual(zeros, LibM.exp(-lambda), accuracy: 0.01)
        }
        let before = generator.state
        XCTAssertEqual(generator.nextPoisson(mean: 0), 0)
        XCTAssertEqual(generator.state, before)
    }

    func testNumPyPairwiseSumOrder() {
        // Up to 7 values: left to right; 9 values: a tree over the first 8, then the ninth.
        let nine = [1e16, 1, -1e16, 1, 1, 1, 1, 1, 1.0]
        let tree = ((1e16 + 1) + (-1e16 + 1)) + ((1 + 1) + (1 + 1)) + 1
        XCTAssertEqual(numpyPairwiseSum(nine[...]), tree)
        XCTAssertEqual(numpyPairwiseSum([1e16, 1, -1e16][...]), (1e16 + 1) - 1e16)
    }
}
