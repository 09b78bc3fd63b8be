import XCTest
@testable import ReproAnalysis
import ReproData
@testable import ReproExperiments
@testable import ReproPaper1
import ReproSupport
import ReproNN
@testable import ReproReport

final class ClaimCheckerTests: XCTestCase {
    func empty() -> Paper1Results { ClaimFixtures.empty() }
    func claim(_ kind: String, _ configure: (inout ClaimFixtures.ClaimTest) -> Void = { _ in }) -> Claim { ClaimFixtures.claim(kind, configure) }

    func gaussianRows(_ f1: [Int: [Double]]) -> [RobustnessStudy.Row] {
        f1.flatMap { h, values in values.enumerated().map { RobustnessStudy.Row(seed: 0, hidden: h, corruption: "gaussian", sigma: 0.1 * Double($0.offset + 1), f1: $0.element) } }
    }

    func testGaussianVerdictFollowsTheResults() {
        var r = empty()
        let c = claim("gaussianOrder") { $0.larger = 64; $0.smaller = 24 }
        r.robustness = gaussianRows([24: [0.88, 0.85, 0.80], 64: [0.91, 0.90, 0.86]])
        XCTAssertEqual(Paper1ClaimChecker.measure(c, r).verdict, .holds)
        r.robustness = gaussianRows([24: [0.88, 0.85, 0.80], 64: [0.91, 0.84, 0.86]])   // one σ flips
        let flipped = Paper1ClaimChecker.measure(c, r)
        XCTAssertEqual(flipped.verdict, .doesNotHold)
        XCTAssertTrue(flipped.reproduced.contains("-0.010"), flipped.reproduced)
    }

    func testOcclusionOrder() {
        var r = empty()
        let c = claim("occlusionOrder") { $0.sizes = [64, 48, 24] }
        r.robustness = [(24, 0.84), (48, 0.85), (64, 0.86)].map { RobustnessStudy.Row(seed: 0, hidden: $0.0, corruption: "occlusion", sigma: nil, f1: $0.1) }
        XCTAssertEqual(Paper1ClaimChecker.measure(c, r).verdict, .holds)
        r.robustness[1].f1 = 0.87
        XCTAssertEqual(Paper1ClaimChecker.measure(c, r).verdict, .doesNotHold)
    }

    func testPruningVerdictDistinguishesTheTwoReadings() {
        var r = empty()
        let c = claim("pruningTolerance") { $0.level = 95; $0.tolerance = 1 }
        func row(_ reading: MagnitudePruning.Reading, _ f1: Double) -> PruningStudy.Row {
            PruningStudy.Row(pair: DigitPair(4, 9), seed: 0, hidden: 24, reading: reading, level: 95, f1: f1, auc: 0.9, baseF1: 0.9, baseAUC: 0.9, sparsity: 0)
        }
        r.pruning = [row(.correct, 0.5), row(.published, 0.9)]
        XCTAssertEqual(Paper1ClaimChecker.measure(c, r).verdict, Paper1ClaimChecker.holdsOnlyUnderPublishedPruning)
        r.pruning = [row(.correct, 0.899), row(.published, 0.9)]
        XCTAssertEqual(Paper1ClaimChecker.measure(c, r).verdict, .holds)
        r.pruning = [row(.correct, 0.5), row(.published, 0.6)]
        XCTAssertEqual(Paper1ClaimChecker.measure(c, r).verdict, .doesNotHold)
    }

    func testDeadNeurons() {
        var r = empty()
        let c = claim("deadNeuronsZero") { $0.source = "paper" }
        let paperCase = DeadNeuronStudy.cases[0]
        r.deadNeurons = [DeadNeuronStudy.Row(case: paperCase, seed: 0, deadBefore: 0, deadAfter: 0, deadAfterPublished: 0)]
        XCTAssertEqual(Paper1ClaimChecker.measure(c, r).verdict, .holds)
        r.deadNeurons[0].deadAfter = 2
        XCTAssertEqual(Paper1ClaimChecker.measure(c, r).verdict, Paper1ClaimChecker.holdsOnlyUnderPublishedPruning)
        r.deadNeurons[0].deadBefore = 1
        XCTAssertEqual(Paper1ClaimChecker.measure(c, r).verdict, .doesNotHold)
    }

    func testMissingResultsAndUnknownKindsAreUntestable() {
        XCTAssertEqual(Paper1ClaimChecker.measure(claim("occlusionOrder") { $0.sizes = [64, 24] }, empty()).verdict, .untestable)
        XCTAssertEqual(Paper1ClaimChecker.measure(claim("astrology"), empty()).verdict, .untestable)
    }

    func testNeighbourAccuracyOfSeparatedAndMixedClusters() {
        var separated: [Double] = [], mixed: [Double] = []
        for i in 0..<40 {
            let offset: Double = i < 20 ? 0 : 10
            separated += [Double(i % 20) * 0.01 + offset, 0]
            mixed += [Double(i) * 0.01, 0]
        }
        let labels: [Int] = (0..<40).map { $0 < 20 ? 4 : 9 }
        let alternating: [Int] = (0..<40).map { $0 % 2 == 0 ? 4 : 9 }
        XCTAssertEqual(TSNEQuality.neighbourAccuracy(separated, labels: labels), 1)
        XCTAssertLessThan(TSNEQuality.neighbourAccuracy(mixed, labels: alternating), 0.6)
    }
}
