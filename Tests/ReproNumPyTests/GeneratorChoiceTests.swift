import XCTest
@testable import ReproNumPy

/// `generator_choice` (§4): `default_rng(0).choice(arange(n), size, replace=False)` in both of
/// numpy's branches, with first/last ten values and the full-order checksum Σ i·v.
final class GeneratorChoiceTests: XCTestCase {
    let fixture = Fixtures.root["generator_choice"]

    func check(_ values: [Int], _ expected: JSON, file: StaticString = #filePath,
               line: UInt = #line) {
        XCTAssertEqual(Array(values.prefix(10)), expected["first10"].ints, file: file, line: line)
        XCTAssertEqual(Array(values.suffix(10)), expected["last10"].ints, file: file, line: line)
        let checksum = values.enumerated().reduce(0) { $0 + $1.offset * $1.element }
        XCTAssertEqual(checksum, expected["weighted_checksum_sum_i_times_v"].int,
                       file: file, line: line)
    }

    /// Floyd from j = 0 (size == population), then the Lemire shuffle; the PCG buffer after.
    func testFloydWholePopulation() {
        let expected = fixture["default_rng(0).choice(arange(5842),5842,replace=False)"]
        var generator = Generator(seed: 0)
        let values = generator.choiceWithoutReplacement(5842, size: 5842)
        check(values, expected)
        XCTAssertEqual(Set(values).count, 5842)
        XCTAssertEqual(generator.bitGenerator.hasUInt32, expected["has_uint32_after"].int != 0)
        XCTAssertEqual(Int(generator.bitGenerator.bufferedUInt32), expected["uinteger_after"].int)
    }

    func testFloydPartial() {
        var generator = Generator(seed: 0)
        let population = Array(0..<6000)
        check(generator.choiceWithoutReplacement(from: population, size: 5000),
              fixture["default_rng(0).choice(arange(6000),5000,replace=False)"])
    }

    func testTailShuffleBranch() {
        var generator = Generator(seed: 0)
        check(generator.choiceWithoutReplacement(12000, size: 500),
              fixture["default_rng(0).choice(arange(12000),500,replace=False)_tail_shuffle_branch"])
    }

    /// Lemire's draw (§4.2): `m = next32 · (rng+1)`, high word kept, low words under
    /// `2³² mod (rng+1)` rejected; 0 draws nothing.
    func testBoundedIsLemireOnBufferedNext32() {
        var generator = Generator(seed: 42)
        XCTAssertEqual(generator.bounded(0), 0)
        XCTAssertEqual(generator.bitGenerator.state, PCG64(seed: 42).state, "no draw for 0")
        var raw = PCG64(seed: 42)
        for range: UInt64 in [1, 6, 999, 3_000_000_000] {
            let exclusive = range + 1
            let threshold = (UInt64(UInt32.max) - range) % exclusive
            var product: UInt64
            repeat { product = UInt64(raw.nextUInt32()) * exclusive }
            while product & 0xFFFF_FFFF < threshold
            XCTAssertEqual(generator.bounded(range), product >> 32, "range \(range)")
        }
    }
}
