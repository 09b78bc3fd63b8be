import Foundation
import XCTest
import ReproData
@testable import ReproPaper1
import ReproPlot
@testable import ReproReport
import ReproSupport

/// Fig. 8 is drawn per digit: each digit's correct and misclassified image are of that digit, and a
/// digit the model never gets wrong says so instead of losing its row.
final class SaliencyFigureTests: XCTestCase {
    func testPicksAreThoseOfEachDigit() {
        // Images: 9 right, 4 wrong, 4 right, 9 wrong, 4 right (label 1 = digit 9).
        let digits: [UInt8] = [9, 4, 4, 9, 4]
        let labels: [UInt8] = digits.map { $0 == 9 ? 1 : 0 }
        let p = [0.8, 0.7, 0.2, 0.1, 0.4]
        let picks = SaliencyStudy.picks(digits: [4, 9], labels: labels, imageDigits: digits, probabilities: p)
        XCTAssertEqual(picks.map(\.digit), [4, 9])
        XCTAssertEqual(picks[0].correct, 2)
        XCTAssertEqual(picks[0].wrong, 1)
        XCTAssertEqual(picks[0].count, SaliencyStudy.DigitCount(digit: 4, images: 3, misclassified: 1))
        XCTAssertEqual(picks[1].correct, 0)
        XCTAssertEqual(picks[1].wrong, 3)
        let allRight = SaliencyStudy.picks(digits: [4, 9], labels: labels, imageDigits: digits, probabilities: [0.8, 0.3, 0.2, 0.9, 0.4])
        XCTAssertNil(allRight[0].wrong)
        XCTAssertNil(allRight[1].wrong)
        XCTAssertEqual(allRight[0].count.misclassified, 0)
    }

    func map(_ model: String, digit: Int, _ fd: [Double], probability: Double = 0.3) -> SaliencyStudy.Map {
        SaliencyStudy.Map(model: model, image: [Double](repeating: 0.2, count: 784), digit: digit, probability: probability,
                          fdCode: fd, fdPaper: fd, gradient: fd, correlationCode: 0.99, correlationPaper: 0.98)
    }

    /// Digit 4 has all four rows; digit 9 has no misclassified image.
    func result(pruned9: [Double]) -> SaliencyStudy.Result {
        let ramp = (0..<784).map { Double($0) / 783 }
        let maps = ["original", "misclassified", "pruned", "pruned-published"].map { map($0, digit: 4, ramp) }
            + [map("original", digit: 9, ramp, probability: 0.8), map("pruned", digit: 9, pruned9), map("pruned-published", digit: 9, ramp)]
        return SaliencyStudy.Result(configuration: .init(hidden: 24, seed: 42, source: "paper"), maps: maps,
                                    counts: [.init(digit: 4, images: 30, misclassified: 2), .init(digit: 9, images: 31, misclassified: 0)])
    }

    func testOneFigurePerDigitSaysWhatItShows() {
        let ramp = (0..<784).map { Double($0) / 783 }
        let r = result(pruned9: ramp)
        let four = AnalysisFigures.fig8(r, digit: 4), nine = AnalysisFigures.fig8(r, digit: 9)
        XCTAssertEqual(four.panels.count, 16)
        XCTAssertEqual(nine.panels.count, 16)
        XCTAssertTrue(four.title!.hasPrefix("Digit 4 of pair 4/9") && four.title!.contains("2 of 30 held-out 4s misclassified"), four.title!)
        XCTAssertEqual(four.panels[4].title, "original · misclassified 4 · p(9) = 0.30")
        XCTAssertEqual(nine.panels[0].title, "original · correct 9 · p(9) = 0.80")
        XCTAssertEqual(nine.panels[4].title, "no misclassified 9: the model gets all 31 right")
        XCTAssertTrue(nine.panels[5].series.isEmpty && !nine.panels[5].showAxes)
        XCTAssertEqual(nine.panels[8].title, "95 % pruned · p(9) = 0.30")
    }

    func testSaliencyClaimComparesMapsOfTheSameDigit() {
        let ramp = (0..<784).map { Double($0) / 783 }
        var r = Paper1Results(lrGrid: [], capacity: [], pruning: [], deadNeurons: [], tsne: TSNEStudy.Result(digits: [], panels: [], seconds: 0),
                              robustness: [], saliency: [], corruptionExamples: CorruptionExamples.Result(digit: 0, original: [], noisy: [], occluded: [], patchTop: 0, patchLeft: 0),
                              quick: true)
        let test = try! CanonicalJSON.decode(JSONValue.self, from: Data(#"{"kind": "saliencyPreserved", "threshold": 0.9}"#.utf8))
        let claim = Claim(id: "C10", text: "test", published: "x", figure: "fig8-4", test: test)
        r.saliency = [result(pruned9: ramp)]
        XCTAssertEqual(Paper1ClaimChecker.measure(claim, r).verdict, .holds)
        // Digit 4's pruned map still matches; digit 9's does not, so the claim fails for that digit.
        r.saliency = [result(pruned9: ramp.reversed())]
        let outcome = Paper1ClaimChecker.measure(claim, r)
        XCTAssertEqual(outcome.verdict, Paper1ClaimChecker.holdsOnlyUnderPublishedPruning)
        XCTAssertTrue(outcome.reproduced.contains("digit 9: -1.000 pruned 95 %"), outcome.reproduced)
    }
}
