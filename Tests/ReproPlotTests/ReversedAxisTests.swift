import XCTest
@testable import ReproPlot

final class ReversedAxisTests: XCTestCase {
    /// A rising line on a reversed log axis falls from left to right: its high end is drawn left.
    func testReversedXAxisPutsHighValuesOnTheLeft() throws {
        let red = Color(hex: "#d62728")
        var axes = Axes()
        axes.xScale = .log10
        axes.xReversed = true
        axes.grid = false
        axes.series = [.line(LineSeries(x: [1, 100], y: [0, 1], color: red, width: 3))]
        let image = try FigureRenderer.raster(Figure(width: 3, height: 3, axes), dpi: 100)
        var points: [(x: Int, y: Int)] = []
        for y in 0..<image.height {
            for x in 0..<image.width where image.color(x: x, y: y).isClose(to: red,
                                                                           tolerance: 0.05) {
                points.append((x, y))
            }
        }
        let top = try XCTUnwrap(points.min { $0.y < $1.y })
        let bottom = try XCTUnwrap(points.max { $0.y < $1.y })
        XCTAssertLessThan(top.x, bottom.x, "x = 100 (y = 1, the top) is drawn on the left")
    }
}
