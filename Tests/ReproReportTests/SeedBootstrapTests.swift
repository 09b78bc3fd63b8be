import XCTest
@testable import ReproReport
import ReproSupport

/// The seed bootstrap and the ranges claims hold in: hand-checkable cases.
final class SeedBootstrapTests: XCTestCase {
    func testRangeRelationsToIntervals() {
        let atLeast = ValueRange.atLeast(0.98)
        XCTAssertEqual(atLeast.relation(of: 0.98...0.99), .inside)
        XCTAssertEqual(atLeast.relation(of: 0.90...0.97), .outside)
        XCTAssertEqual(atLeast.relation(of: 0.97...0.99), .straddles)
        let above = ValueRange.above(0)
        XCTAssertEqual(above.relation(of: 0...0.1), .straddles, "0 itself is not above 0")
        XCTAssertEqual(above.relation(of: -0.2...0), .outside)
        let between = ValueRange.between(12, 24)
        XCTAssertEqual(between.relation(of: 12...24), .inside)
        XCTAssertEqual(between.relation(of: 8...32), .straddles, "an interval around the whole range straddles it")
        XCTAssertEqual(between.relation(of: 32...48), .outside)
        XCTAssertEqual(between.relation(of: Double.infinity...Double.infinity), .outside)
        XCTAssertEqual(ValueRange.atMost(0).text { Digits.fixed($0, 0) }, "≤ 0")
        XCTAssertEqual(between.text { Digits.fixed($0, 0) }, "12 … 24")
        XCTAssertFalse(atLeast.contains(.nan))
    }

    func testConstantValuesGiveAPointAndTheIntervalIsReproducible() {
        let b = SeedBootstrap()
        let constant = b.intervalOfMean([0: 0.5, 1: 0.5, 2: 0.5], purpose: "x")
        XCTAssertEqual(constant, 0.5...0.5)
        let values = Dictionary(uniqueKeysWithValues: (0..<20).map { ($0, Double($0)) })
        let first = b.intervalOfMean(values, purpose: "C1"), second = b.intervalOfMean(values, purpose: "C1")
        XCTAssertEqual(first, second, "same purpose, same draws")
        // The mean of 0…19 is 9.5 with a standard error of about 1.29: the 95 % interval lies
        // near 9.5 ± 2.5.
        let i = try! XCTUnwrap(first)
        XCTAssertTrue(i.contains(9.5))
        XCTAssertEqual(i.lowerBound, 7.0, accuracy: 0.6)
        XCTAssertEqual(i.upperBound, 12.0, accuracy: 0.6)
        XCTAssertNil(b.intervalOfMean([0: 1], purpose: "one seed"), "one seed has no interval")
    }

    func testUndefinedStatisticsGiveNoInterval() {
        let b = SeedBootstrap(resamples: 200)
        XCTAssertNil(b.interval(seeds: [0, 1, 2]) { _ in .nan })
        // A statistic that is undefined only when seed 0 is missing (rarely) still gets one.
        XCTAssertNotNil(b.interval(seeds: Array(0..<20), purpose: "p") { $0.contains(0) || $0.contains(1) ? 1 : .nan })
    }

    func testVerdictsOnBothSeedSetsAndTheFragileFlag() {
        let claim = Claim(id: "C", text: "", published: "", figure: "", test: .null)
        let values: [Int: Double] = [0: 0.99, 42: 0.99, 78: 0.99, 1: 0.95, 2: 0.96, 3: 0.95, 4: 0.97]
        func measure(_ seeds: [Int]) -> ClaimMeasurement {
            let mean = seeds.reduce(0) { $0 + values[$1]! } / Double(seeds.count)
            let s = ClaimStatistic("mean", value: mean, holdsIn: .atLeast(0.98))
            return ClaimMeasurement("\(mean)", s.holdsIn.contains(mean) ? .holds : .doesNotHold, statistic: s)
        }
        let paper = [0, 42, 78], extended = [0, 42, 78, 1, 2, 3, 4]
        let r = SeedRobustClaims.check(claim, paperSeeds: paper, extendedSeeds: extended, measure: measure)
        XCTAssertEqual(r.verdict, .holds)
        let robust = try! XCTUnwrap(r.robustness)
        XCTAssertEqual(robust.verdict, .doesNotHold)
        XCTAssertTrue(robust.fragile)
        XCTAssertTrue(robust.note!.contains("holds on 3 seeds, does not hold on 7"), robust.note!)
        XCTAssertEqual(robust.status, "fragile")
        // All seeds alike: the same verdict twice, a point interval, robust.
        let same = SeedRobustClaims.check(claim, paperSeeds: paper, extendedSeeds: paper, measure: measure)
        XCTAssertEqual(same.robustness?.status, "robust")
        let point = try! XCTUnwrap(same.robustness?.interval)
        XCTAssertEqual(point[0], 0.99, accuracy: 1e-12)
        XCTAssertEqual(point[1], 0.99, accuracy: 1e-12)
        // A claim resting on one model has no interval and is not called fragile.
        let single = SeedRobustClaims.check(claim, paperSeeds: paper, extendedSeeds: extended) { _ in ClaimMeasurement("one", .holds) }
        XCTAssertEqual(single.robustness?.status, "one model")
        XCTAssertNil(single.robustness?.interval)
    }
}
