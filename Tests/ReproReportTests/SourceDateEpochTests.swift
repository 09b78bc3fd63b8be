import Foundation
import ReproPlot
import ReproTestSupport
import XCTest
@testable import ReproReport

/// Class 7 of issue 15: with SOURCE_DATE_EPOCH set, a figure's PDF and a report's PDF carry that
/// date, not the time of rendering, so two renders are byte-identical.
final class SourceDateEpochTests: XCTestCase {
    /// 1,700,000,000 s after the epoch: 2023-11-14 22:13:20 UTC.
    let epoch = "1700000000"
    let pdfDate = "20231114221320"

    func figure() -> Figure {
        var axes = Axes(title: "t", xLabel: "x", yLabel: "y")
        axes.series = [.line(LineSeries(x: [0, 1, 2], y: [1, 0, 1]))]
        return Figure(width: 3, height: 2, axes)
    }

    func document() throws -> Data {
        try DocumentRenderer.pdf(try MarkdownBlocks.parse("# Title\n\nSome text.\n"),
                                 figures: [:], title: "T")
    }

    func testFigureAndReportPDFsAreDatedBySourceDateEpoch() throws {
        for render in [{ try FigureRenderer.data(self.figure(), format: .pdf) }, document] {
            let text = String(decoding: try Environment.with("SOURCE_DATE_EPOCH", epoch, render),
                              as: UTF8.self)
            // Cairo 1.16 writes the date without PDF's "D:" prefix; later versions add it.
            for key in ["/CreationDate", "/ModDate"] {
                XCTAssertTrue(text.contains("\(key) (\(pdfDate)")
                                || text.contains("\(key) (D:\(pdfDate)"), key)
            }
        }
    }

    func testTwoRendersASecondApartAreByteIdentical() throws {
        try Environment.with("SOURCE_DATE_EPOCH", epoch) {
            let first = try document()
            Thread.sleep(forTimeInterval: 1.05)
            XCTAssertEqual(try document(), first)
        }
    }

    func testTheDateIsUTCAndABadValueIsRefused() throws {
        XCTAssertEqual(PDFDate.iso8601(0), "1970-01-01T00:00:00Z")
        XCTAssertEqual(PDFDate.iso8601(951_868_799), "2000-02-29T23:59:59Z")
        XCTAssertEqual(try PDFDate.fromEnvironment(["SOURCE_DATE_EPOCH": epoch]),
                       "2023-11-14T22:13:20Z")
        XCTAssertNil(try PDFDate.fromEnvironment([:]))
        for bad in ["", "1.5", "-1", "soon", "99999999999999"] {
            XCTAssertThrowsError(try PDFDate.fromEnvironment(["SOURCE_DATE_EPOCH": bad])) {
                XCTAssertTrue("\($0)".contains("SOURCE_DATE_EPOCH must be a whole number"), "\($0)")
            }
        }
    }
}
