import XCTest
@testable import ReproNumPy

/// `pcg64.{0,42,78}` (§3, §5): SeedSequence pool and `generate_state`, PCG64 seeding, raw
/// outputs, doubles and `Generator.permutation`.
final class PCG64Tests: XCTestCase {
    let seeds: [UInt64] = [0, 42, 78]

    func testSeedSequence() {
        for seed in seeds {
            let fixture = Fixtures.root["pcg64"][String(seed)]
            let sequence = SeedSequence(seed)
            XCTAssertEqual(sequence.entropy, [UInt32(seed)], "one word, even for 0")
            XCTAssertEqual(sequence.pool.map(UInt64.init), fixture["seedseq_pool_uint32"].uint64s)
            XCTAssertEqual(sequence.generateState32(count: 4).map(UInt64.init),
                           fixture["generate_state4_uint32"].uint64s, "seed \(seed)")
            XCTAssertEqual(sequence.generateState64(count: 4),
                           fixture["generate_state4_uint64"].uint64s, "seed \(seed)")
        }
    }

    func testSeedingStateAndIncrement() {
        for seed in seeds {
            let fixture = Fixtures.root["pcg64"][String(seed)]["pcg64_state_after_seed"]
            let pcg = PCG64(seed: seed)
            XCTAssertEqual(pcg.state.description, fixture["state_hex"].string, "seed \(seed)")
            XCTAssertEqual(pcg.increment.description, fixture["inc_hex"].string, "seed \(seed)")
            XCTAssertFalse(pcg.hasUInt32)
        }
    }

    func testRawOutputsAndDoubles() {
        for seed in seeds {
            let fixture = Fixtures.root["pcg64"][String(seed)]
            var pcg = PCG64(seed: seed)
            XCTAssertEqual([pcg.nextUInt64(), pcg.nextUInt64()], fixture["random_raw2"].uint64s)
            var generator = Generator(seed: seed)
            for (value, expected) in zip(generator.random(count: 3),
                                         fixture["default_rng.random3"].array) {
                assertBitEqual(value, expected.bitsDouble, "seed \(seed)")
            }
        }
    }

    func testGeneratorPermutation() {
        for seed in seeds {
            var generator = Generator(seed: seed)
            XCTAssertEqual(generator.permutation(10),
                           Fixtures.root["pcg64"][String(seed)]["default_rng.permutation10"].ints)
        }
    }

    /// `next32` returns the low half first and keeps the high half for the next call; `next64`
    /// neither uses nor clears the buffer (§3.6).
    func testNext32Buffering() {
        var reference = PCG64(seed: 0)
        let first = reference.nextUInt64(), second = reference.nextUInt64()
        var pcg = PCG64(seed: 0)
        XCTAssertEqual(pcg.nextUInt32(), UInt32(truncatingIfNeeded: first))
        XCTAssertTrue(pcg.hasUInt32)
        XCTAssertEqual(pcg.nextUInt64(), second, "next64 skips the buffer")
        XCTAssertTrue(pcg.hasUInt32, "next64 leaves the buffer alone")
        XCTAssertEqual(pcg.nextUInt32(), UInt32(truncatingIfNeeded: first >> 32))
        XCTAssertFalse(pcg.hasUInt32)
    }

    func testWord128Arithmetic() {
        let a = Word128(high: 0x2360_ED05_1FC6_5DA4, low: 0x4385_DF64_9FCC_F645)
        // a*a mod 2^128 and a+a, checked against Python integers.
        XCTAssertEqual((a &* a).description, "17bce35bdf69743c529ed9eb20e0ae99")
        XCTAssertEqual((a &+ a).description, "46c1da0a3f8cbb48870bbec93f99ec8a")
        let allOnes = Word128(high: .max, low: .max)
        XCTAssertEqual((allOnes &+ Word128(high: 0, low: 1)).description, String(repeating: "0",
                                                                                  count: 32))
    }
}
