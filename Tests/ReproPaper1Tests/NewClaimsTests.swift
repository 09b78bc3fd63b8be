import XCTest
import ReproData
@testable import ReproExperiments
@testable import ReproPaper1
import ReproNN
@testable import ReproReport

/// The claims added for issue 14: each holds on results shaped as the paper says, and fails when
/// the results are changed against it; and verdicts re-checked over more seeds flip and are
/// flagged fragile when the extra seeds disagree.
final class NewClaimsTests: XCTestCase {

    /// A capacity (or grid) model with a held-out F1 and a best training F1.
    func model(_ pair: DigitPair, _ hidden: Int, seed: Int, f1: Double, best: Double? = nil, lr: Double = 0.03) -> ModelRecord {
        var history = TrainingHistory()
        history.append(BinaryMetrics(loss: 0.3, accuracy: 0.9, precision: 0.9, recall: 0.9, f1: best ?? f1, auc: 0.9))
        let spec = ModelSpec(pair: pair, seed: seed, hidden: hidden, learningRate: lr, epochs: 1)
        return ModelRecord(key: spec.key, spec: spec, history: history,
                           evaluation: BinaryMetrics(loss: 0.3, accuracy: 0.9, precision: 0.9, recall: 0.9, f1: f1, auc: 0.9).named,
                           trainCount: 10, evaluationCount: 10, batchSize: 1, batchSeconds: 0)
    }

    /// Held-out F1 per size for one pair, over seeds 0, 42, 78, with a spread per size.
    func sweep(_ pair: DigitPair, _ f1: [Int: Double], spread: [Int: Double] = [:]) -> [ModelRecord] {
        [0, 42, 78].enumerated().flatMap { k, seed in
            f1.map { h, v in model(pair, h, seed: seed, f1: v + (spread[h] ?? 0.001) * Double(k - 1)) }
        }
    }

    func measure(_ c: Claim, _ r: Paper1Results) -> ClaimMeasurement { Paper1ClaimChecker.measure(c, r) }

    func testCapacityOrderFollowsTheSmallestSufficientSize() {
        var r = ClaimFixtures.empty()
        let c = ClaimFixtures.claim("capacityOrder") { $0.pairs = ["0/1", "4/9"]; $0.threshold = 0.9 }
        r.capacity = sweep(DigitPair(0, 1), [2: 0.95, 4: 0.99, 12: 0.99]) + sweep(DigitPair(4, 9), [2: 0.6, 4: 0.8, 12: 0.92])
        XCTAssertEqual(measure(c, r).verdict, .holds)
        XCTAssertEqual(measure(c, r).statistic?.value, 0)
        r.capacity = sweep(DigitPair(0, 1), [2: 0.6, 4: 0.8, 12: 0.92]) + sweep(DigitPair(4, 9), [2: 0.95, 4: 0.99, 12: 0.99])
        XCTAssertEqual(measure(c, r).verdict, .doesNotHold)
        XCTAssertTrue(measure(c, r).reproduced.contains("0/1 12, 4/9 2"), measure(c, r).reproduced)
    }

    func testInstabilityPeaksAtTheCriticalSize() {
        var r = ClaimFixtures.empty()
        let c = ClaimFixtures.claim("instabilityAtCriticalCapacity") { $0.threshold = 0.9; $0.steps = 1 }
        let f1 = [2: 0.6, 4: 0.8, 8: 0.88, 12: 0.92, 16: 0.95, 24: 0.97]
        r.capacity = sweep(DigitPair(4, 9), f1, spread: [12: 0.05])
        XCTAssertEqual(measure(c, r).verdict, .holds)
        r.capacity = sweep(DigitPair(4, 9), f1, spread: [2: 0.05])   // widest spread far below
        XCTAssertEqual(measure(c, r).verdict, .doesNotHold)
    }

    func testInversionComparesBestF1OfTheTwoSizes() {
        var r = ClaimFixtures.empty()
        let c = ClaimFixtures.claim("capacityInversion") { $0.pair = "4/9"; $0.smaller = 12; $0.larger = 16 }
        r.capacity = [model(DigitPair(4, 9), 12, seed: 0, f1: 0.9, best: 0.95), model(DigitPair(4, 9), 16, seed: 0, f1: 0.9, best: 0.94)]
        XCTAssertEqual(measure(c, r).verdict, .holds)
        r.capacity[1] = model(DigitPair(4, 9), 16, seed: 0, f1: 0.9, best: 0.96)
        XCTAssertEqual(measure(c, r).verdict, .doesNotHold)
    }

    func testDiminishingGainsUsesTheBestRatePerSize() {
        var r = ClaimFixtures.empty()
        let c = ClaimFixtures.claim("diminishingGains") { $0.from = 16; $0.knee = 32; $0.top = 64 }
        func grid(_ f1: [Int: Double]) -> [ModelRecord] {
            f1.flatMap { h, v in [model(DigitPair(4, 9), h, seed: 0, f1: v, lr: 0.03), model(DigitPair(4, 9), h, seed: 0, f1: 0.5, lr: 1e-4)] }
        }
        r.lrGrid = grid([16: 0.90, 32: 0.94, 64: 0.95])
        XCTAssertEqual(measure(c, r).verdict, .holds)
        XCTAssertEqual(measure(c, r).statistic!.value, -0.03, accuracy: 1e-12)
        r.lrGrid = grid([16: 0.90, 32: 0.91, 64: 0.95])
        XCTAssertEqual(measure(c, r).verdict, .doesNotHold)
    }

    func pruning(_ pair: DigitPair, _ hidden: Int, _ reading: MagnitudePruning.Reading, level: Double, change: Double) -> PruningStudy.Row {
        PruningStudy.Row(pair: pair, seed: 0, hidden: hidden, reading: reading, level: level, f1: 0.9 * (1 + change / 100),
                         auc: 0.9, baseF1: 0.9, baseAUC: 0.9, sparsity: 0)
    }

    func testRegularisationCountsRisesUnderEachReading() {
        var r = ClaimFixtures.empty()
        let c = ClaimFixtures.claim("pruningRegularizes") { $0.pairs = ["4/9"]; $0.levels = [50, 90]; $0.minimumCases = 2 }
        func rows(correct: Double, published: Double) -> [PruningStudy.Row] {
            [12, 24].flatMap { h in [pruning(DigitPair(4, 9), h, .correct, level: 90, change: correct),
                                    pruning(DigitPair(4, 9), h, .published, level: 90, change: published)] }
        }
        r.pruning = rows(correct: 0.2, published: 0.1)
        XCTAssertEqual(measure(c, r).verdict, .holds)
        r.pruning = rows(correct: 0.2, published: 0)
        XCTAssertEqual(measure(c, r).verdict.kind, .partly)
        r.pruning = rows(correct: -0.2, published: 0)
        XCTAssertEqual(measure(c, r).verdict, .doesNotHold)
    }

    func testDegradationMustBeExtremeAndNearCriticalCapacity() {
        var r = ClaimFixtures.empty()
        let c = ClaimFixtures.claim("degradationOnlyExtreme") { $0.level = 95; $0.tolerance = 1; $0.threshold = 0.9; $0.steps = 1 }
        let pair = DigitPair(4, 9)
        r.capacity = sweep(pair, [4: 0.8, 12: 0.92, 16: 0.95, 24: 0.97, 32: 0.98])
        r.pruning = [pruning(pair, 12, .correct, level: 99, change: -5), pruning(pair, 32, .correct, level: 99, change: -0.5),
                     pruning(pair, 32, .correct, level: 90, change: -0.2)]
        XCTAssertEqual(measure(c, r).verdict, .holds)
        r.pruning.append(pruning(pair, 12, .correct, level: 90, change: -3))   // at 90 %: not extreme
        XCTAssertEqual(measure(c, r).verdict, .doesNotHold)
        r.pruning.removeLast()
        r.pruning.append(pruning(pair, 32, .correct, level: 99, change: -3))   // 3 steps above critical
        XCTAssertEqual(measure(c, r).verdict, .doesNotHold)
    }

    func testSaliencyOnStrokesNeedsBothModelsAboveTheRatio() {
        var r = ClaimFixtures.empty()
        let c = ClaimFixtures.claim("saliencyOnStrokes") { $0.ratio = 1.5 }
        func row(_ model: String, _ ratio: Double) -> SaliencyConcentration.Row {
            SaliencyConcentration.Row(seed: 0, hidden: 24, model: model, images: 10, massShare: 0.3 * ratio, pixelShare: 0.3, ratio: ratio)
        }
        r.saliencyConcentration = [row("original", 2.0), row("pruned", 1.6), row("pruned-published", 0.5)]
        XCTAssertEqual(measure(c, r).verdict, .holds, "the published reading is not part of the rule")
        r.saliencyConcentration[1].ratio = 1.0
        XCTAssertEqual(measure(c, r).verdict, .doesNotHold)
        XCTAssertEqual(measure(c, r).statistic?.value, 1.0)
        r.saliencyConcentration = []
        XCTAssertEqual(measure(c, r).verdict, .untestable)
    }

    func testTSNEClaimAveragesTheClusterQualityOverSeeds() {
        var r = ClaimFixtures.empty()
        let c = ClaimFixtures.claim("tsnePreserved") { $0.tolerance = 0.02 }
        func rows(_ seed: Int, _ original: Double, _ pruned: Double) -> [TSNEStudy.SeedRow] {
            [("original", original), ("pruned", pruned), ("pruned-published", original)].map {
                TSNEStudy.SeedRow(seed: seed, name: $0.0, neighbourAccuracy: $0.1)
            }
        }
        r.tsneSeeds = rows(0, 0.90, 0.89) + rows(42, 0.90, 0.90)
        XCTAssertEqual(measure(c, r).verdict, .holds)
        XCTAssertEqual(measure(c, r).statistic!.value, -0.005, accuracy: 1e-12)
        r.tsneSeeds = rows(0, 0.90, 0.80) + rows(42, 0.90, 0.86)
        XCTAssertEqual(measure(c, r).verdict, Paper1ClaimChecker.holdsOnlyUnderPublishedPruning)
        r.tsneSeeds = []
        XCTAssertEqual(measure(c, r).verdict, .untestable)
    }

    /// Claim C1's rule on 0/1 at h = 4: the paper's seeds reach 0.99, the extra seeds do not.
    func testExtendedSeedsFlipTheVerdictAndFlagItFragile() {
        let c = ClaimFixtures.claim("capacityNearPerfect") { $0.pair = "0/1"; $0.hidden = 4; $0.threshold = 0.98 }
        let paperSeeds = [0, 42, 78], extended = paperSeeds + Array(1...17)
        var r = ClaimFixtures.empty()
        r.paperSeeds = paperSeeds
        r.extendedSeeds = extended
        func results(_ best: (Int) -> Double) {
            r.capacity = extended.map { model(DigitPair(0, 1), 4, seed: $0, f1: 0.9, best: best($0)) }
        }
        results { paperSeeds.contains($0) ? 0.99 : 0.95 }
        var result = Paper1ClaimChecker.check([c], r)[0]
        XCTAssertEqual(result.verdict, Verdict.holds, "on the paper's seeds")
        XCTAssertEqual(result.robustness?.verdict, .doesNotHold, "on 20 seeds")
        XCTAssertEqual(result.robustness?.fragile, true)
        let interval = try! XCTUnwrap(result.robustness?.interval)
        XCTAssertLessThan(interval[1], 0.98, "the extended interval lies below the threshold")
        // Every seed alike: both verdicts hold and the flag goes.
        results { _ in 0.99 }
        result = Paper1ClaimChecker.check([c], r)[0]
        XCTAssertEqual(result.robustness?.verdict, .holds)
        XCTAssertEqual(result.robustness?.fragile, false)
        // Seeds scattered around the threshold: the same verdicts, but the interval straddles it.
        results { paperSeeds.contains($0) ? 0.99 : ($0 % 2 == 0 ? 0.995 : 0.962) }
        result = Paper1ClaimChecker.check([c], r)[0]
        XCTAssertEqual(result.verdict, Verdict.holds)
        XCTAssertEqual(result.robustness?.fragile, true, result.robustness?.note ?? "")
        XCTAssertTrue(result.robustness?.note?.contains("straddles") ?? false)
    }
}
