import XCTest
@testable import ReproPlot

final class LegendTests: XCTestCase {
    let plot = Rect(x: 0, y: 0, width: 400, height: 300)
    let box = Size(80, 60)

    func testBestAvoidsTheCornerWithData() {
        let upperRight = (0..<20).map { Point(380 - Double($0), 10 + Double($0)) }
        XCTAssertEqual(LegendPlacer.best(size: box, in: plot, points: upperRight), .upperLeft)
        XCTAssertEqual(LegendPlacer.best(size: box, in: plot, points: []), .upperRight,
                       "matplotlib's first choice")
    }

    func testBestGoesOutsideWhenEveryPlaceWouldHideData() {
        let everywhere = stride(from: 0.0, to: 400, by: 10).flatMap { x in
            stride(from: 0.0, to: 300, by: 10).map { Point(x, $0) }
        }
        XCTAssertEqual(LegendPlacer.best(size: box, in: plot, points: everywhere), .outsideRight)
        XCTAssertNotEqual(LegendPlacer.best(size: box, in: plot, points: everywhere,
                                            allowOutside: false), .outsideRight)
    }

    func testRectsSitInsideThePlot() {
        for placement in LegendPlacement.insideCandidates {
            let r = LegendPlacer.rect(for: placement, size: box, in: plot)
            XCTAssertTrue(plot.contains(Point(r.minX, r.minY))
                          && plot.contains(Point(r.maxX, r.maxY)), "\(placement)")
        }
        XCTAssertGreaterThan(LegendPlacer.rect(for: .outsideRight, size: box, in: plot).minX,
                             plot.maxX)
    }

    func testUnsetColoursComeFromThePaletteInOrder() {
        var axes = Axes()
        axes.series = [.line(LineSeries(x: [0], y: [0], label: "a")),
                       .line(LineSeries(x: [0], y: [0], label: "b", color: .black)),
                       .errorBars(ErrorBarSeries(x: [0], y: [0], error: [0], label: "c"))]
        let swatches = axes.legendEntries.map(\.swatch)
        XCTAssertEqual(swatches,
                       [.line(Palette.color(0), .none, dashed: false),
                        .line(.black, .none, dashed: false),
                                  .line(Palette.color(1), .circle, dashed: false)])
    }
}

final class DenseLegendTests: XCTestCase {
    func testDenseScatterKeepsItsLegendInsideWhenItHidesUnderOnePercent() {
        let plot = Rect(x: 0, y: 0, width: 400, height: 300)
        // A grid of points everywhere but the lower-left corner, plus 5 inside it (< 1 %).
        var points = stride(from: 0.0, to: 400, by: 8).flatMap {
            x in stride(from: 0.0, to: 300, by: 8).map { Point(x, $0) }
        }
            .filter { !($0.x < 100 && $0.y > 240) }
        points += (0..<5).map { Point(20 + Double($0), 270) }
        XCTAssertEqual(LegendPlacer.best(size: Size(80, 40), in: plot, points: points), .lowerLeft)
    }
}
