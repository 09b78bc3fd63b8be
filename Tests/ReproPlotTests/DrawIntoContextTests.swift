import CCairo
import XCTest
@testable import ReproPlot

/// `FigureRenderer.draw(_:on:in:)`, the entry a page layout uses to place a figure.
final class DrawIntoContextTests: XCTestCase {
    /// Draws a red-line figure into `rect` of a transparent 200 × 200 canvas.
    func pixels(in rect: Rect) throws -> RasterImage {
        let surface = try XCTUnwrap(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 200, 200))
        defer { cairo_surface_destroy(surface) }
        let cr = try XCTUnwrap(cairo_create(surface))
        var axes = Axes()
        let red = Color(hex: "#d62728")
        axes.series = [.line(LineSeries(x: [0, 1], y: [0, 1], color: red, width: 3))]
        FigureRenderer.draw(Figure(width: 2, height: 1, axes), on: cr, in: rect)
        cairo_destroy(cr)
        cairo_surface_flush(surface)
        return RasterImage(surface: surface)
    }

    func testFigureFillsItsRectangleAndNothingElse() throws {
        // A 2:1 figure in a 100 × 100 square is scaled to 100 × 50 and centred: y 75..<125.
        let image = try pixels(in: Rect(x: 50, y: 50, width: 100, height: 100))
        func drawn(_ x: Range<Int>, _ y: Range<Int>) -> Int {
            y.reduce(0) { n, row in n + x.filter { image.color(x: $0, y: row).alpha > 0 }.count }
        }
        XCTAssertEqual(drawn(0..<200, 0..<74), 0, "nothing above the figure")
        XCTAssertEqual(drawn(0..<200, 126..<200), 0, "nothing below the figure")
        XCTAssertEqual(drawn(0..<49, 0..<200) + drawn(151..<200, 0..<200), 0, "nothing beside it")
        XCTAssertEqual(drawn(51..<149, 76..<124), 98 * 48, "the figure's white background fills it")
        XCTAssertGreaterThan(image.count(matching: Color(hex: "#d62728")), 30, "the line is drawn")
    }

    func testContextStateIsRestored() throws {
        let surface = try XCTUnwrap(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 50, 50))
        defer { cairo_surface_destroy(surface) }
        let cr = try XCTUnwrap(cairo_create(surface))
        defer { cairo_destroy(cr) }
        let figure = Figure(width: 1, height: 1, panels: [])
        FigureRenderer.draw(figure, on: cr, in: Rect(x: 10, y: 10, width: 5, height: 5))
        var x = 1.0, y = 1.0
        cairo_user_to_device(cr, &x, &y)
        XCTAssertEqual([x, y], [1, 1], "no transform left behind")
        var x0 = 0.0, y0 = 0.0, x1 = 0.0, y1 = 0.0
        cairo_clip_extents(cr, &x0, &y0, &x1, &y1)
        XCTAssertEqual([x0, y0, x1, y1], [0, 0, 50, 50], "no clip left behind")
    }
}
