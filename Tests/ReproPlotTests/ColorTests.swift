import XCTest
@testable import ReproPlot

final class ColorTests: XCTestCase {
    /// Reference values printed by matplotlib 3.x: cmap(0.0), cmap(0.5), cmap(1.0).
    func testViridisMatchesMatplotlib() {
        assertColor(Colormap.viridis(0), Color(0.267004, 0.004874, 0.329415), 1e-6)
        assertColor(Colormap.viridis(0.5), Color(0.127568, 0.566949, 0.550556), 1e-6)
        assertColor(Colormap.viridis(1), Color(0.993248, 0.906157, 0.143936), 1e-6)
        assertColor(Colormap.viridis(0.25), Color(0.229739, 0.322361, 0.545706), 1e-6)
        // between anchors
        assertColor(Colormap.viridis(0.3), Color(0.206756, 0.371758, 0.553117), 0.007)
    }

    func testHotAndGrayMatchMatplotlib() {
        assertColor(Colormap.hot(0.5), Color(1.0, 0.359314, 0.0), 1e-5)
        assertColor(Colormap.hot(0), Color(0.0416, 0, 0), 1e-9)
        assertColor(Colormap.hot(1), Color(1, 1, 1), 1e-9)
        assertColor(Colormap.gray(0.5), Color(128.0 / 255, 128.0 / 255, 128.0 / 255), 1e-9)
    }

    func testOutOfRangeValuesClamp() {
        XCTAssertEqual(Colormap.gray(-3), Colormap.gray(0))
        XCTAssertEqual(Colormap.gray(7), Colormap.gray(1))
        XCTAssertEqual(Colormap.gray(.nan).alpha, 0)
    }

    func testContrastingTextAndHex() {
        XCTAssertEqual(Colormap.viridis(0).contrastingText, .white)
        XCTAssertEqual(Colormap.viridis(1).contrastingText, .black)
        XCTAssertEqual(Color(hex: "#1f77b4").description, "#1f77b4")
    }

    func testCategoricalPaletteHasElevenDistinctColours() {
        let colors = (0..<11).map(Palette.color)
        for i in 0..<11 {
            for j in (i + 1)..<11 {
                let distance = abs(colors[i].red - colors[j].red)
                    + abs(colors[i].green - colors[j].green) + abs(colors[i].blue - colors[j].blue)
                XCTAssertGreaterThan(distance, 0.15, "colours \(i) and \(j) are too close")
            }
        }
    }

    func assertColor(_ a: Color, _ b: Color, _ tolerance: Double, file: StaticString = #filePath,
                     line: UInt = #line) {
        XCTAssertEqual(a.red, b.red, accuracy: tolerance, file: file, line: line)
        XCTAssertEqual(a.green, b.green, accuracy: tolerance, file: file, line: line)
        XCTAssertEqual(a.blue, b.blue, accuracy: tolerance, file: file, line: line)
    }
}
