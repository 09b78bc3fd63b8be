import XCTest
import ReproSupport
@testable import ReproReport

/// Each curve rule on hand-made curves: the shape it names passes, the flipped shape fails, and
/// a difference within the reference's spread does not count.
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
        XCTAssertFalse(holds(.riseThenFall, [0.900, 0.9005, 0.80]), "rise within the spread")
        XCTAssertFalse(holds(.riseThenFall, [0.90, 0.90, 0.90, 0.95, 0.80], first: 2),
                       "rise too late")
        XCTAssertTrue(holds(.riseThenFall, [0.90, 0.95, 0.92, 0.93, 0.80], first: 2))
    }

    func testBaseComparisons() {
        XCTAssertTrue(holds(.matchesBase, [0.95, 0.9495, 0.90]), "within the base's spread")
        XCTAssertFalse(holds(.matchesBase, [0.95, 0.94, 0.96]))
        XCTAssertTrue(holds(.betterThanBase, [0.95, 0.94, 0.96]))
        XCTAssertFalse(holds(.betterThanBase, [0.95, 0.94, 0.93]))
        XCTAssertTrue(holds(.betterThanBase, [0.5, 0.4, 0.6], better: .lower), "lower is better")
        XCTAssertTrue(holds(.neverWorseThanBase, [0.9, 0.92, 0.8995]))
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
