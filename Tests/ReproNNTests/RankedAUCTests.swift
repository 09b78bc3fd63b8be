import XCTest
import ReproSupport
@testable import ReproNN

/// The radix-sorted ROC-AUC must give the very bits of the previous computation (both classes
/// sorted by comparison, then merged, wins summed as halves in Double), which every stored
/// training history holds, on data full of ties, signed zeros and infinities.
final class RankedAUCTests: XCTestCase {
    /// The previous computation, kept as the oracle.
    static func sortAndMerge(_ scores: [Double], _ labels: [UInt8]) -> Double {
        var positives: [Double] = [], negatives: [Double] = []
        for (s, y) in zip(scores, labels) {
            if s.isNaN { return .nan }
            if y == 1 { positives.append(s) } else { negatives.append(s) }
        }
        guard !positives.isEmpty, !negatives.isEmpty else { return 0 }
        positives.sort(); negatives.sort()
        var below = 0, notAbove = 0
        var wins = 0.0
        for score in positives {
            while below < negatives.count && negatives[below] < score { below += 1 }
            if notAbove < below { notAbove = below }
            while notAbove < negatives.count && negatives[notAbove] <= score { notAbove += 1 }
            wins += Double(below) + 0.5 * Double(notAbove - below)
        }
        return wins / (Double(positives.count) * Double(negatives.count))
    }

    /// Scores drawn from a few repeated values (many ties, ±0, 0 and 1 as a saturated sigmoid
    /// gives), from (0, 1) and from the whole real line; labels 0, 1 and an odd 2 (negative).
    static func sample(_ count: Int, _ rng: inout RandomStream) -> ([Double], [UInt8]) {
        let repeated: [Double] = [0, -0.0, 1, 0.5, 0.25, 1e-300, -3, .infinity, -.infinity,
                                  .leastNonzeroMagnitude]
        let scores = (0..<count).map { _ -> Double in
            let u = rng.nextUniform()
            if u < 0.4 { return repeated[Int(rng.nextUniform() * Double(repeated.count))] }
            if u < 0.8 { return rng.nextUniform() }
            return (rng.nextUniform() - 0.5) * 1e6
        }
        let labels = (0..<count).map { _ -> UInt8 in
            let u = rng.nextUniform()
            return u < 0.45 ? 1 : (u < 0.95 ? 0 : 2)
        }
        return (scores, labels)
    }

    func testEqualsSortAndMergeBitForBitOnTiedData() {
        var rng = RandomStream(seed: 7, "ranked-auc")
        for count in [1, 2, 3, 17, 256, 1000, 4099] {
            for _ in 0..<8 {
                let (scores, labels) = Self.sample(count, &rng)
                let fast = BinaryMetrics(probabilities: scores, labels: labels).auc
                let old = Self.sortAndMerge(scores, labels)
                XCTAssertEqual(fast.bitPattern, old.bitPattern, "n = \(count): \(fast) vs \(old)")
            }
        }
    }

    /// Probabilities as the trainer makes them: sigmoids of float logits, heavily tied at 1 (and
    /// among close logits) once a model saturates.
    func testEqualsSortAndMergeOnSaturatedSigmoids() {
        var rng = RandomStream(seed: 8, "ranked-auc-sigmoid")
        for _ in 0..<6 {
            let scores = (0..<3000).map { _ in
                BatchedTrainer<Float>.sigmoid(Float((rng.nextUniform() - 0.5) * 120))
            }
            // Noisy labels, so both classes share the saturated values.
            let labels = scores.map { s in
                UInt8(rng.nextUniform() < (s > 0.5 ? 0.8 : 0.2) ? 1 : 0)
            }
            let fast = BinaryMetrics(probabilities: scores, labels: labels).auc
            XCTAssertEqual(fast.bitPattern, Self.sortAndMerge(scores, labels).bitPattern)
        }
    }

    func testLentScratchGivesTheSameAndIsReusable() {
        var rng = RandomStream(seed: 9, "ranked-auc-scratch")
        let scratch = UnsafeMutableBufferPointer<UInt64>.allocate(
            capacity: RankedAUC.scratchCount(500))
        defer { scratch.deallocate() }
        scratch.initialize(repeating: .max)
        for _ in 0..<5 {
            let (scores, labels) = Self.sample(500, &rng)
            let lent = scores.withUnsafeBufferPointer { p in
                labels.withUnsafeBufferPointer { y in
                    BinaryMetrics(probabilities: p, labels: y, scratch: scratch)
                }
            }
            XCTAssertEqual(lent, BinaryMetrics(probabilities: scores, labels: labels))
        }
    }

    func testSortOrdersKeysLikeTheDoubles() {
        var rng = RandomStream(seed: 10, "ranked-auc-sort")
        let (values, _) = Self.sample(2000, &rng)
        var keys = values.map(RankedAUC.key)
        var spare = [UInt64](repeating: 0, count: keys.count + 8 * 256)
        keys.withUnsafeMutableBufferPointer { k in
            spare.withUnsafeMutableBufferPointer { s in
                RankedAUC.sort(k.baseAddress!, count: k.count, spare: s.baseAddress!,
                               histogram: s.baseAddress! + k.count)
            }
        }
        XCTAssertEqual(keys, values.sorted().map(RankedAUC.key))
        XCTAssertEqual(RankedAUC.key(-0.0), RankedAUC.key(0))
        XCTAssertLessThan(RankedAUC.key(-.leastNonzeroMagnitude), RankedAUC.key(0))
        XCTAssertLessThan(RankedAUC.key(-.infinity), RankedAUC.key(-.greatestFiniteMagnitude))
    }

    func testEdgeCasesMatch() {
        XCTAssertEqual(BinaryMetrics.rocAUC(scores: UnsafeBufferPointer(start: nil, count: 0),
                                            labels: UnsafeBufferPointer(start: nil, count: 0)), 0)
        XCTAssertEqual(BinaryMetrics(probabilities: [0.2, 0.9], labels: [0, 0]).auc, 0)
        XCTAssertTrue(BinaryMetrics(probabilities: [0.2, .nan], labels: [0, 1]).auc.isNaN)
        XCTAssertEqual(BinaryMetrics(probabilities: [-0.0, 0, 0], labels: [1, 0, 1]).auc, 0.5)
    }
}
