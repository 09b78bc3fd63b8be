import Foundation
import XCTest
@testable import ReproPlot
import ReproBench

final class RenderTests: XCTestCase {
    func testImageSizeFollowsInchesAndDPI() throws {
        let image = try FigureRenderer.raster(Figure(width: 2, height: 1, panels: []), dpi: 100)
        XCTAssertEqual(image.width, 200)
        XCTAssertEqual(image.height, 100)
        let hires = try FigureRenderer.raster(Figure(width: 2, height: 1, panels: []), dpi: 300)
        XCTAssertEqual(hires.width, 600)
    }

    func testEmptyFigureIsWhiteAndAPlotIsNot() throws {
        XCTAssertEqual(try FigureRenderer.raster(Figure(width: 2, height: 2, panels: []))
            .count(differingFrom: .white), 0)
        var axes = Axes(title: "t", xLabel: "x", yLabel: "y")
        axes.series = [.line(LineSeries(x: [0, 1, 2], y: [0, 1, 0]))]
        XCTAssertGreaterThan(try FigureRenderer.raster(Figure(width: 3, height: 2, axes))
            .count(differingFrom: .white), 500)
    }

    func testALineShowsInItsColour() throws {
        let red = Color(hex: "#d62728")
        var axes = Axes()
        axes.series = [.line(LineSeries(x: [0, 1], y: [0, 1], color: red, width: 3))]
        let image = try FigureRenderer.raster(Figure(width: 3, height: 3, axes), dpi: 100)
        XCTAssertGreaterThan(image.count(matching: red), 200)
        XCTAssertEqual(image.count(matching: Color(hex: "#1f77b4")), 0,
                       "no palette colour where none was asked for")
    }

    func testHeatmapCellsTakeTheirColoursInOrder() throws {
        var axes = Axes()
        axes.series = [.heatmap(HeatmapSeries(values: [[0, 1]], rowLabels: ["r"],
                                              columnLabels: ["low", "high"], range: 0...1,
                                              valueFormat: nil))]
        let image = try FigureRenderer.raster(Figure(width: 4, height: 2, axes), dpi: 100)
        let low = Colormap.viridis(0), high = Colormap.viridis(1)
        func meanX(_ c: Color) -> Double {
            var sum = 0.0, n = 0.0
            for y in 0..<image.height {
                for x in 0..<image.width where image.color(x: x, y: y).isClose(to: c,
                                                                               tolerance: 0.01) {
                    sum += Double(x); n += 1
                }
            }
            return n > 0 ? sum / n : .nan
        }
        XCTAssertGreaterThan(image.count(matching: low, tolerance: 0.01), 1000)
        XCTAssertGreaterThan(image.count(matching: high, tolerance: 0.01), 1000)
        XCTAssertLessThan(meanX(low), meanX(high))
    }

    func testBarHeightsAreProportionalToValues() throws {
        let a = Color(hex: "#00aa00"), b = Color(hex: "#aa00aa")
        var axes = Axes()
        axes.series = [.bars(BarSeries(categories: ["a", "b"], values: [0.25, 0.75],
                                       colors: [a, b]))]
        axes.yLimits = 0...1
        axes.grid = false
        let image = try FigureRenderer.raster(Figure(width: 4, height: 4, axes), dpi: 100)
        func height(_ c: Color) -> Int {
            let rows = (0..<image.height).filter { y in
                (0..<image.width).contains {
                    image.color(x: $0, y: y).isClose(to: c, tolerance: 0.01)
                }
            }
            return (rows.max() ?? 0) - (rows.min() ?? 0) + 1
        }
        XCTAssertEqual(Double(height(b)) / Double(height(a)), 3, accuracy: 0.1)
    }

    func testImagePanelsShowTheirValues() throws {
        var axes = Axes()
        axes.series = [.image(ImageSeries(values: [0, 1, 1, 0], rows: 2, columns: 2,
                                          colormap: .gray, range: 0...1))]
        axes.showAxes = false
        let image = try FigureRenderer.raster(Figure(width: 2, height: 2, axes), dpi: 100)
        XCTAssertGreaterThan(image.count(matching: .black, tolerance: 0.01), 1000)
        let hot = try FigureRenderer.raster(Figure(width: 2, height: 2, {
            var h = axes
            h.series = [.image(ImageSeries(values: [0.5, 0.5, 0.5, 0.5], rows: 2, columns: 2,
                                           colormap: .hot, range: 0...1))]
            return h
        }()), dpi: 100)
        XCTAssertGreaterThan(hot.count(matching: Colormap.hot(0.5), tolerance: 0.01), 2000)
    }

    func testPDFHasOnePagePerFigureAndSVGIsSVG() throws {
        let figures = Gallery.figures().prefix(3).map(\.figure)
        let pdf = try FigureRenderer.pdf(Array(figures))
        XCTAssertEqual(String(decoding: pdf.prefix(5), as: UTF8.self), "%PDF-")
        // Cairo writes each page object as "/Type /Page " (the page tree is "/Type /Pages").
        let text = String(decoding: pdf, as: UTF8.self)
        XCTAssertEqual(text.components(separatedBy: "/Type /Page ").count - 1, 3)
        XCTAssertEqual(text.components(separatedBy: "/Type /Pages").count - 1, 1)
        let svg = String(decoding: try FigureRenderer.data(figures[0], format: .svg), as: UTF8.self)
        XCTAssertTrue(svg.hasPrefix("<?xml") && svg.contains("<svg"))
    }

    func testWriteProducesEveryFormat() throws {
        let base = FileManager.default.temporaryDirectory
            .appendingPathComponent("plot-\(UUID())/figure")
        let files = try FigureRenderer.write(Gallery.figures()[0].figure, to: base,
                                             formats: [.png(dpi: 72), .pdf, .svg])
        XCTAssertEqual(files.map(\.pathExtension), ["png", "pdf", "svg"])
        let png = try Data(contentsOf: files[0])
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    func testEveryGalleryFigureRendersNonBlank() throws {
        for (name, figure) in Gallery.figures() {
            let image = try FigureRenderer.raster(figure, dpi: 40)
            XCTAssertGreaterThan(image.count(differingFrom: .white),
                                 image.width * image.height / 50, name)
        }
    }
}
