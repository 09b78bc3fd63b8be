import Foundation
import XCTest
import ReproTestSupport
import ReproSupport
@testable import ReproNN

/// Pins the exact bits the batched trainer produces on a fixed synthetic problem, so that
/// refactoring its hot loops (buffers, parallel split, metrics) provably changes no number.
///
/// The bits depend on the OpenBLAS kernel and thread count (how the GEMMs' sums are blocked and
/// split) and on how many row chunks the elementwise passes use (their W2/b1 partial sums are
/// added chunk by chunk), so they are recorded per fingerprint of all three. On a machine whose
/// fingerprint is not recorded the test is skipped and prints the hashes to add.
final class TrainerBitsTests: XCTestCase {
    /// FNV-1a-64 of the recorded values, per fingerprint and precision.
    static let recorded: [String: [Precision: UInt64]] = [
        "Zen, 2 BLAS threads, 2 row chunks":
            [.float32: 0xb3f3_bcc1_b0e0_94a2, .float64: 0x991c_8407_2ec8_86f2],
        "Zen, 1 BLAS threads, 2 row chunks":
            [.float32: 0xe7ca_e437_1688_d45d, .float64: 0xf9c0_72cd_a4d4_460c],
    ]

    static let rows = 600

    /// `rows` examples of 30 inputs; inputs 0, 11 and 29 are zero everywhere (left out of the
    /// GEMMs); the label depends on inputs 1–3.
    static func data() -> TrainingSet {
        var rng = RandomStream(seed: 11, "bits")
        let inputs = 30
        let x = (0..<(rows * inputs)).map { k -> Double in
            [0, 11, 29].contains(k % inputs) ? 0 : (rng.nextUniform() < 0.7 ? rng.nextUniform() : 0)
        }
        let y = (0..<rows).map { i -> UInt8 in
            let first = i * inputs + 1
            return x[first] + x[first + 1] > x[first + 2] + 0.5 ? 1 : 0
        }
        return TrainingSet(features: x, labels: y, inputs: inputs)
    }

    /// Hidden sizes 1, 3, 7 and 40, each at two learning rates: odd blocks and a one-unit model.
    static func slots() -> [ModelSlot] {
        [1, 3, 7, 40].flatMap { h -> [ModelSlot] in
            var rng = RandomStream(seed: 3, "bits-init", "h=\(h)")
            let initial = MLPParameters.initial(inputs: 30, hidden: h, scale: 0.4, rng: &rng)
            return [0.05, 0.8].map { ModelSlot(initial: initial, learningRate: $0) }
        }
    }

    static var fingerprint: String {
        let chunks = min(max(1, ProcessInfo.processInfo.activeProcessorCount), max(1, rows / 256))
        return "\(BLASInfo.coreName), \(BLASInfo.threads) BLAS threads, \(chunks) row chunks"
    }

    /// Every weight, every history entry and the trained models' probabilities, as bit patterns.
    static func hash(_ trained: [TrainedModel], probabilities: [[Double]]) -> UInt64 {
        var hash = BitHash()
        for model in trained {
            let p = model.parameters, h = model.history
            for values in [p.w1, p.b1, p.w2, [p.b2]] { hash.add(values) }
            for values in [h.loss, h.accuracy, h.precision, h.recall, h.f1, h.auc] {
                hash.add(values)
            }
        }
        for row in probabilities { hash.add(row) }
        return hash.value
    }

    func testTrainerBitsAreUnchanged() throws {
        let data = Self.data(), slots = Self.slots()
        var actual: [Precision: UInt64] = [:]
        for precision in Precision.allCases {
            let trained = Training.train(slots, on: data, epochs: 25, precision: precision)
            let models = trained.map(\.parameters)
            let p = Training.probabilities(models, on: data, precision: precision)
            actual[precision] = Self.hash(trained, probabilities: p)
        }
        let printed = Precision.allCases.map { "\($0): 0x" + String(actual[$0]!, radix: 16) }
        guard let expected = Self.recorded[Self.fingerprint] else {
            throw XCTSkip("no bits recorded for \"\(Self.fingerprint)\"; got \(printed)")
        }
        for precision in Precision.allCases {
            XCTAssertEqual(actual[precision], expected[precision], "\(precision): got \(printed)")
        }
    }
}
