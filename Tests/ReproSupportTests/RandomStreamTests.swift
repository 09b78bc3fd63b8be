import XCTest
@testable import ReproSupport

final class RandomStreamTests: XCTestCase {
    func testSameSeedAndPurposeGiveTheSameStream() {
        var a = RandomStream(seed: 42, "init", "4-9", "h=24")
        var b = RandomStream(seed: 42, "init", "4-9", "h=24")
        XCTAssertEqual((0..<100).map { _ in a.next() }, (0..<100).map { _ in b.next() })
    }

    func testPurposeAndSeedChangeTheStream() {
        var a = RandomStream(seed: 42, "init", "4-9", "h=24")
        var b = RandomStream(seed: 42, "init", "4-9", "h=12")
        var c = RandomStream(seed: 0, "init", "4-9", "h=24")
        let first = a.next()
        XCTAssertNotEqual(first, b.next())
        XCTAssertNotEqual(first, c.next())
    }

    func testNormalHasUnitMomentsAndUniformStaysInRange() {
        var rng = RandomStream(seed: 1, "moments")
        let values = (0..<200_000).map { _ in rng.nextNormal() }
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)
        XCTAssertEqual(mean, 0, accuracy: 0.01)
        XCTAssertEqual(variance, 1, accuracy: 0.02)
        let uniforms = (0..<10_000).map { _ in rng.nextUniform() }
        XCTAssertTrue(uniforms.allSatisfy { $0 >= 0 && $0 < 1 })
        XCTAssertEqual(uniforms.reduce(0, +) / 10_000, 0.5, accuracy: 0.02)
    }

    func testShuffleIsAPermutationAndDeterministic() {
        var a = RandomStream(seed: 3, "shuffle"), b = RandomStream(seed: 3, "shuffle")
        var x = Array(0..<50), y = Array(0..<50)
        a.shuffle(&x); b.shuffle(&y)
        XCTAssertEqual(x, y)
        XCTAssertNotEqual(x, Array(0..<50))
        XCTAssertEqual(x.sorted(), Array(0..<50))
    }

    func testIntBelowCoversItsRangeOnly() {
        var rng = RandomStream(seed: 9, "ints")
        let values = Set((0..<2000).map { _ in rng.nextInt(below: 7) })
        XCTAssertEqual(values, Set(0..<7))
    }
}
