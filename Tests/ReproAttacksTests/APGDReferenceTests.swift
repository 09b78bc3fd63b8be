import ReproSupport
import XCTest
@testable import ReproAttacks

/// Golden values for APGD. They were produced by an independent numpy transcription of
/// Torchattacks' `apgd.py` (v3.x: `perturb` with `cheap=True` and `attack_single_run`, Linf, CE,
/// one restart), run on the same model, data and random-start draws (t as Float(2u − 1) from
/// this SplitMix64, row-major over the initially correct samples). Its outputs matched this port
/// bit for bit on 34 runs (ε 0.01–0.3, N = 10, 37, 100, five models); deliberately wrong
/// variants (momentum reset to the best point, no comparison against the unfilled slot) did not.
/// The hash is FNV-1a over the output bit patterns, one 32-bit word at a time.
final class APGDReferenceTests: XCTestCase {
    private func fnv1a(_ values: [Float]) -> UInt64 {
        values.reduce(14_695_981_039_346_656_037) {
            ($0 ^ UInt64($1.bitPattern)) &* 1_099_511_628_211
        }
    }

    func testOutputsMatchTheTranscribedReference() {
        var rng = SplitMix64(seed: 33)
        let model = TinyReLUMLP.random(inputs: 6, hidden: 16, classes: 3, rng: &rng)
        let batch = SyntheticData.labelled(by: model, count: 150, rng: &rng)
        let golden: [(epsilon: Double, steps: Int, correct: Int, hash: UInt64)] = [
            (0.05, 100, 105, 0xed17_babf_4886_b223),
            (0.2, 10, 45, 0x17f6_7582_1acc_1c48),
            (0.2, 100, 45, 0xa28a_201c_4d08_9ebf),
        ]
        for (epsilon, steps, correct, hash) in golden {
            var draws = SplitMix64(seed: 1234)
            let outcome = APGD(epsilon: epsilon, steps: steps).run(
                model: model, inputs: batch.inputs, labels: batch.labels, rng: &draws)
            XCTAssertEqual(outcome.correct.filter { $0 }.count, correct, "ε \(epsilon) N \(steps)")
            XCTAssertEqual(fnv1a(outcome.adversarial), hash, "ε \(epsilon) N \(steps)")
        }
    }
}
