import XCTest
@testable import ReproNumPy

/// `mt19937.{0,42,78}` (§1.2–§1.6): seeding, raw outputs, doubles and the legacy Gaussian.
final class MT19937Tests: XCTestCase {
    let seeds: [UInt32] = [0, 42, 78]

    func testSeedingMatchesInitGenrand() {
        for seed in seeds {
            let fixture = Fixtures.root["mt19937"][String(seed)]
            let mt = MT19937(seed: seed)
            XCTAssertEqual(Array(mt.key[0..<4]).map(Int.init),
                           fixture["key_first4_after_seed"].ints, "seed \(seed)")
            XCTAssertEqual(Int(mt.key[623]), fixture["key_623_after_seed"].int, "seed \(seed)")
            XCTAssertEqual(mt.position, fixture["pos_after_seed"].int, "seed \(seed)")
        }
    }

    func testFirstOutputs() {
        for seed in seeds {
            var mt = MT19937(seed: seed)
            let outputs = (0..<8).map { _ in UInt64(mt.nextUInt32()) }
            XCTAssertEqual(outputs, Fixtures.root["mt19937"][String(seed)]["genrand_int32_first8"]
                .uint64s, "seed \(seed)")
        }
    }

    /// `mt19937_next64` puts the **first** output in the high half. The C source leaves the
    /// order to the compiler; numpy 2.4.6's build (checked through `Generator(MT19937)` and
    /// `integers(0, 2**64, dtype=uint64)`) gives 0x8c7f0aac_97c4aa2f for seed 0.
    func testNext64IsFirstOutputHigh() {
        var mt = MT19937(seed: 0)
        let first8 = Fixtures.root["mt19937"]["0"]["genrand_int32_first8"].uint64s
        XCTAssertEqual(mt.nextUInt64(), first8[0] << 32 | first8[1])
        XCTAssertEqual(first8[0] << 32 | first8[1], 0x8C7F_0AAC_97C4_AA2F)
    }

    func testRandomSample() {
        for seed in seeds {
            var state = RandomState(seed: seed)
            let expected = Fixtures.root["mt19937"][String(seed)]["random_sample4"].array
            for (value, fixture) in zip(state.randomSample(count: 4), expected) {
                assertBitEqual(value, fixture.bitsDouble, "seed \(seed)")
            }
        }
    }

    func testRandn12BitExact() {
        for seed in seeds {
            var state = RandomState(seed: seed)
            let expected = Fixtures.root["mt19937"][String(seed)]["randn12"].array
            XCTAssertEqual(expected.count, 12)
            for (i, (value, fixture)) in zip(state.randn(count: 12), expected).enumerated() {
                assertBitEqual(value, fixture.bitsDouble, "seed \(seed) draw \(i)")
            }
        }
    }

    /// The cached second normal survives across calls (§1.6): odd-sized calls must continue
    /// the same sequence as one call.
    func testGaussianCacheCarriesAcrossCalls() {
        var whole = RandomState(seed: 42)
        let reference = whole.randn(count: 12)
        var pieces = RandomState(seed: 42)
        var joined = [Double]()
        for size in [1, 3, 5, 3] { joined += pieces.randn(count: size) }
        XCTAssertEqual(joined.map(\.bitPattern), reference.map(\.bitPattern))

        var odd = RandomState(seed: 42)
        _ = odd.randn(count: 1)
        XCTAssertTrue(odd.hasGauss)
        XCTAssertEqual(odd.gauss.bitPattern, reference[1].bitPattern)
        odd.seed(42)
        XCTAssertFalse(odd.hasGauss, "reseeding clears the cache")
        XCTAssertEqual(odd.gauss, 0.0)
        XCTAssertEqual(odd.randn(count: 1)[0].bitPattern, reference[0].bitPattern)
    }

    /// A state restored from `get_state()` (key, pos, has_gauss, gauss) resumes the stream.
    func testStateRoundTrip() {
        var original = RandomState(seed: 78)
        _ = original.randn(count: 701)
        var restored = RandomState(
            bitGenerator: MT19937(key: original.bitGenerator.key,
                                  position: original.bitGenerator.position),
            hasGauss: original.hasGauss, gauss: original.gauss)
        XCTAssertEqual(restored.randn(count: 9).map(\.bitPattern),
                       original.randn(count: 9).map(\.bitPattern))
    }
}
