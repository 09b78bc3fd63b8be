import XCTest
@testable import ReproNumPy

/// `legacy_permutation` (§2): `RandomState.permutation` / `choice(replace=False)` and the
/// bit-mask bounded draw behind them.
final class LegacyPermutationTests: XCTestCase {
    let fixture = Fixtures.root["legacy_permutation"]

    func testPermutations() {
        var zero = RandomState(seed: 0)
        XCTAssertEqual(zero.permutation(10), fixture["RandomState(0).permutation(10)"].ints)
        var fortyTwo = RandomState(seed: 42)
        XCTAssertEqual(fortyTwo.permutation(20), fixture["RandomState(42).permutation(20)"].ints)
    }

    /// `choice(2, 1, replace=False)` permutes both and takes the first: one draw (§2.4).
    func testChoiceWithoutReplacementPermutesWholePopulation() {
        var state = RandomState(seed: 0)
        XCTAssertEqual(state.choiceWithoutReplacement(from: [0, 1], size: 1),
                       fixture["RandomState(0).choice(2,size=1,replace=False)"].ints)
        XCTAssertEqual(state.bitGenerator.position, 1, "exactly one MT output consumed")
    }

    /// `random_interval` (§2.1): no draw for 0, plain masking (`u & mask`, reject above max).
    func testRandomIntervalMasksAndRejects() {
        var state = RandomState(seed: 0)
        XCTAssertEqual(state.randomInterval(0), 0)
        XCTAssertEqual(state.bitGenerator.position, 624, "max 0 draws nothing")
        var raw = MT19937(seed: 0)
        var expected = [UInt64]()
        while expected.count < 6 {
            let v = UInt64(raw.nextUInt32()) & 7
            if v <= 5 { expected.append(v) }
        }
        XCTAssertEqual((0..<6).map { _ in state.randomInterval(5) }, expected)
        XCTAssertEqual(state.bitGenerator.position, raw.position)
    }

    func testPermutationOfArrayShufflesACopy() {
        var a = RandomState(seed: 42), b = RandomState(seed: 42)
        let letters = Array("abcdefghij")
        XCTAssertEqual(a.permutation(of: letters), b.permutation(10).map { letters[$0] })
    }
}
