import XCTest
import ReproSupport
@testable import ReproReport

/// Each curve rule on hand-made curves: the shape it names passes, the flipped shape fails, and
/// a difference within the margin does not count (the spread over seeds is the bootstrap's
/// question, not the rule's).
final class CurveRuleTests: XCTestCase {
    /// A curve whose points have these means, each from three seeds spread by ± `spread`.
    func curve(_ means: [Double], spread: Double = 0.001, name: String = "c") -> Curve {
        Curve(name: name, points: means.enumerated().map { k, m in
            Curve.Point(label: "p\(k)", summary: Summary([m - spread, m, m + spread]))
        })
    }

    func holds(_ kind: CurveRule.Kind, _ means: [Double], better: CurveRule.Direction = .higher,
               first: Int? = nil, margin: Double = 0) -> Bool {
        CurveRule(kind: kind, better: better, margin: margin, first: first)
            .check(curve(means)).holds
    }

    func testRiseThenFall() {
        XCTAssertTrue(holds(.riseThenFall, [0.90, 0.93, 0.95, 0.80]))
        XCTAssertFalse(holds(.riseThenFall, [0.95, 0.93, 0.90, 0.80]), "only falls")
        XCTAssertFalse(holds(.riseThenFall, [0.90, 0.93, 0.95, 0.96]), "never falls")
        XCTAssertFalse(holds(.riseThenFall, [0.900, 0.9005, 0.80], margin: 0.001),
                       "rise within the margin")
        XCTAssertTrue(holds(.riseThenFall, [0.900, 0.9015, 0.80], margin: 0.001),
                      "a rise beyond the margin counts, however wide the seeds' spread")
        XCTAssertFalse(holds(.riseThenFall, [0.90, 0.90, 0.90, 0.95, 0.80], first: 2),
                       "rise too late")
        XCTAssertTrue(holds(.riseThenFall, [0.90, 0.95, 0.92, 0.93, 0.80], first: 2))
    }

    func testBaseComparisons() {
        XCTAssertTrue(holds(.matchesBase, [0.95, 0.9495, 0.90], margin: 0.001), "within the margin")
        XCTAssertFalse(holds(.matchesBase, [0.95, 0.9485, 0.90], margin: 0.001),
                       "beyond the margin, though within the base's spread")
        XCTAssertFalse(holds(.matchesBase, [0.95, 0.94, 0.96]))
        XCTAssertTrue(holds(.betterThanBase, [0.95, 0.94, 0.96]))
        XCTAssertFalse(holds(.betterThanBase, [0.95, 0.94, 0.93]))
        XCTAssertTrue(holds(.betterThanBase, [0.5, 0.4, 0.6], better: .lower), "lower is better")
        XCTAssertTrue(holds(.neverWorseThanBase, [0.9, 0.92, 0.8995], margin: 0.001))
        XCTAssertFalse(holds(.neverWorseThanBase, [0.9, 0.92, 0.85]))
        XCTAssertFalse(holds(.betterThanBase, [0.95, 0.96], margin: 0.05), "explicit margin")
    }

    func testEndAndStart() {
        XCTAssertTrue(holds(.fallsAtEnd, [0.9, 0.95, 0.8]))
        XCTAssertFalse(holds(.fallsAtEnd, [0.9, 0.8, 0.95]))
        XCTAssertTrue(holds(.bestAmongFirst, [0.9, 0.95, 0.8, 0.7], first: 2))
        XCTAssertFalse(holds(.bestAmongFirst, [0.9, 0.85, 0.96, 0.7], first: 2))
    }

    func testDegradesSooner() {
        let rule = CurveRule(kind: .degradesSooner)
        let pruned = curve([0.95, 0.90, 0.80], name: "pruned")
        let stat = curve([0.95, 0.95, 0.85], name: "static")
        XCTAssertTrue(rule.check(pruned, against: stat).holds)
        XCTAssertFalse(rule.check(stat, against: pruned).holds)
        // Same point of drop: the deeper drop degrades sooner.
        XCTAssertTrue(rule.check(curve([0.95, 0.80]), against: curve([0.95, 0.90])).holds)
        // Only the sizes both have are compared.
        let longer = curve([0.95, 0.95, 0.95, 0.50], name: "static")
        XCTAssertFalse(rule.check(curve([0.95, 0.95, 0.95]), against: longer).holds)
    }

    func testStatisticIsWhatTheRuleDecidesOn() {
        let rule = CurveRule(kind: .riseThenFall, margin: 0.001)
        let outcome = rule.check(curve([0.90, 0.93, 0.95, 0.80]))
        XCTAssertEqual(outcome.statistic, 0.05, accuracy: 1e-12, "min(peak − base, peak − last)")
        XCTAssertTrue(rule.holdsIn.contains(outcome.statistic))
        XCTAssertFalse(rule.holdsIn.contains(0.001), "strictly above the margin")
        XCTAssertEqual(CurveRule(kind: .matchesBase, margin: 0.001).holdsIn.text { "\($0)" }, "≥ -0.001")
        XCTAssertEqual(rule.weakest([0.2, -0.1, 0.3]), -0.1, "all curves must hold: the weakest decides")
        XCTAssertEqual(CurveRule(kind: .bestAmongFirst, first: 2).weakest([0, 3, 1]), 3)
        let lower = CurveRule(kind: .betterThanBase, better: .lower)
        XCTAssertEqual(lower.check(curve([0.5, 0.4, 0.6])).statistic, 0.1, accuracy: 1e-12,
                       "lower is better: the gain is base − point")
        let vs = CurveRule(kind: .worseAtBase, margin: 0.001)
        XCTAssertTrue(vs.check(curve([0.50, 0.6]), against: curve([0.70, 0.7])).holds)
        XCTAssertFalse(vs.check(curve([0.70, 0.6]), against: curve([0.70, 0.7])).holds)
        let early = CurveRule(kind: .betterThanBase, margin: 0.001, first: 1)
        XCTAssertFalse(early.check(curve([0.90, 0.89, 0.95])).holds, "the improvement comes late")
        XCTAssertTrue(early.check(curve([0.90, 0.92, 0.85])).holds)
    }

    func testVerdictCombinesCurves() {
        let rule = CurveRule(kind: .fallsAtEnd)
        let yes = CurveRule.Outcome(holds: true, evidence: "")
        let no = CurveRule.Outcome(holds: false, evidence: "")
        XCTAssertEqual(rule.verdict([yes, yes]).kind, .holds)
        XCTAssertEqual(rule.verdict([yes, no]).kind, .partly)
        XCTAssertEqual(rule.verdict([yes, no]).text, "holds for 1 of 2")
        XCTAssertEqual(rule.verdict([no]).kind, .doesNotHold)
    }

    func testRulesDecodeFromDataAndNameWhatIsMissing() throws {
        let rule = try JSONDecoder().decode(CurveRule.self, from: Data(
            #"{"kind": "riseThenFall", "better": "lower", "margin": 0.01, "first": 3}"#.utf8))
        XCTAssertEqual(rule, CurveRule(kind: .riseThenFall, better: .lower, margin: 0.01, first: 3))
        XCTAssertThrowsError(try JSONDecoder().decode(CurveRule.self, from: Data(
            #"{"kind": "bestAmongFirst"}"#.utf8)))
        XCTAssertThrowsError(try JSONDecoder().decode(CurveRule.self, from: Data(
            #"{"kind": "goesUp"}"#.utf8)))
    }
}
