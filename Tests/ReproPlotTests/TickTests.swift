import XCTest
@testable import ReproPlot

final class TickTests: XCTestCase {
    func testNiceStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        XCTAssertEqual(TickGenerator.niceStep(span: 1, target: 5), 0.2)
        XCTAssertEqual(TickGenerator.niceStep(span: 100, target: 5), 20)
        XCTAssertEqual(TickGenerator.niceStep(span: 0.16, target: 5), 0.05, accuracy: 1e-15)
        XCTAssertEqual(TickGenerator.niceStep(span: 7, target: 5), 1)
        for span in stride(from: 0.013, to: 5000, by: 37.1) {
            let step = TickGenerator.niceStep(span: span)
            let mantissa = step / pow(10, floor(log10(step)))
            XCTAssertTrue([1, 2, 5, 10].contains { abs(mantissa - $0) < 1e-9 }, "\(step)")
        }
    }

    func testLinearTicksStayInsideTheRangeWithCleanLabels() {
        XCTAssertEqual(TickGenerator.linear(low: -0.08, high: 0.08, target: 4).map(\.label),
                       ["\u{2212}0.05", "0.00", "0.05"])
        let ticks = TickGenerator.linear(low: -0.08, high: 0.08, target: 8)
        XCTAssertEqual(ticks.map(\.label),
                       ["\u{2212}0.08", "\u{2212}0.06", "\u{2212}0.04", "\u{2212}0.02", "0.00",
                        "0.02", "0.04", "0.06", "0.08"])
        let wide = TickGenerator.linear(low: -3.2, high: 101, target: 5)
        XCTAssertEqual(wide.map(\.value), [0, 20, 40, 60, 80, 100])
        XCTAssertEqual(wide.map(\.label), ["0", "20", "40", "60", "80", "100"])
    }

    func testLogTicksArePowersOfTen() {
        let ticks = TickGenerator.log(low: 5e-5, high: 0.05)
        XCTAssertEqual(ticks.map(\.value), [1e-4, 1e-3, 1e-2])
        XCTAssertEqual(ticks.map(\.label), ["10⁻⁴", "10⁻³", "10⁻²"])
        XCTAssertEqual(TickGenerator.powerOfTen(0), "1")
        XCTAssertEqual(TickGenerator.logMinor(low: 1, high: 10), [2, 3, 4, 5, 6, 7, 8, 9])
    }

    func testThinningRemovesOverlappingLabels() {
        let ticks = (0..<10).map { Tick(Double($0), "label \($0)") }
        let kept = PanelTicks.thinned(ticks, position: { $0.value * 20 }, extent: { _ in 30 })
        XCTAssertEqual(kept.map(\.value), [0, 2, 4, 6, 8])
        XCTAssertEqual(PanelTicks.thinned(ticks, position: { $0.value * 50 },
                                          extent: { _ in 30 }).count, 10)
    }
}

final class ScaleTests: XCTestCase {
    func testLinearAndLogMappings() {
        XCTAssertEqual(Scale.linear.fraction(5, low: 0, high: 10), 0.5)
        XCTAssertEqual(Scale.log10.fraction(1e-3, low: 1e-4, high: 1e-2), 0.5, accuracy: 1e-12)
        XCTAssertTrue(Scale.log10.fraction(0, low: 1, high: 10).isNaN)
        XCTAssertFalse(Scale.log10.accepts(-1))
    }

    func testAutomaticLimitsAddFivePercent() {
        XCTAssertEqual(AxisLimits.padded([0, 10], scale: .linear), -0.5...10.5)
        let log = AxisLimits.padded([1e-4, 1e-2, -5], scale: .log10)
        XCTAssertEqual(log.lowerBound, 1e-4 / pow(100, 0.05), accuracy: 1e-12)
        XCTAssertEqual(AxisLimits.padded([3, 3], scale: .linear), 2.45...3.55)
    }
}

final class NumberTextTests: XCTestCase {
    func testNoNegativeZeroAndATrueMinus() {
        XCTAssertEqual(NumberText.format("%.2f", -0.001), "0.00")
        XCTAssertEqual(NumberText.format("%.2f", -0.25), "\u{2212}0.25")
        XCTAssertEqual(NumberText.format("%.3f", 0.862), "0.862")
    }
}
