import Foundation
import XCTest
import ReproPlot
@testable import ReproReport

/// report.pdf from document blocks, figures drawn from their `Figure` values.
final class DocumentRendererTests: XCTestCase {
    func line(points: Int, width: Double = 6.4, height: Double = 4.8) -> Figure {
        var axes = Axes(title: "t", xLabel: "x", yLabel: "y")
        let x = (0..<points).map { Double($0) }
        axes.series = [.line(LineSeries(x: x, y: x.map { sin($0 * 0.37) * cos($0 * 0.011) }))]
        return Figure(width: width, height: height, axes)
    }

    func pdf(_ blocks: [DocumentBlock], _ figures: [String: Figure]) throws -> String {
        let data = try DocumentRenderer.pdf(blocks, figures: figures, title: "T")
        XCTAssertEqual(String(decoding: data.prefix(5), as: UTF8.self), "%PDF-")
        return String(decoding: data, as: UTF8.self)
    }

    /// `count` figures f0, f1, … drawn 495 × 186 pt on the page.
    func wide(_ count: Int) -> [String: Figure] {
        let ids = (0..<count).map { "f\($0)" }
        return Dictionary(uniqueKeysWithValues: ids.map { ($0, line(points: 5, height: 2.4)) })
    }

    func pages(_ pdf: String) -> Int { pdf.components(separatedBy: "/Type /Page ").count - 1 }
    func images(_ pdf: String) -> Int { pdf.components(separatedBy: "/Subtype /Image").count - 1 }

    /// A line plot goes in as drawing operations: no image XObject, and its bytes grow with the
    /// number of points (a bitmap of the same size would not).
    func testFiguresAreVectors() throws {
        let figure: [DocumentBlock] = [.heading(level: 1, text: "R"),
                                       .figure(DocumentFigure(id: "f", caption: "*Cap.*"))]
        let short = try pdf(figure, ["f": line(points: 2)])
        let long = try pdf(figure, ["f": line(points: 3000)])
        XCTAssertEqual(images(short), 0)
        XCTAssertEqual(images(long), 0)
        XCTAssertEqual(pages(long), 1)
        XCTAssertGreaterThan(long.utf8.count - short.utf8.count, 10_000, "3000 points take room")

        // The check can fail: an image panel is a genuine bitmap and shows up as one.
        var axes = Axes()
        axes.series = [.image(ImageSeries(values: [0, 1, 1, 0], rows: 2, columns: 2))]
        XCTAssertEqual(images(try pdf(figure, ["f": Figure(width: 2, height: 2, axes)])), 1)
    }

    /// Wide, short figures (drawn 495 × 186 pt): three fit on a page, so seven take three.
    func testPageBreaksFollowTheFigureHeights() throws {
        let blocks = (0..<7).map { DocumentBlock.figure(DocumentFigure(id: "f\($0)")) }
        let figures = wide(7)
        XCTAssertEqual(pages(try pdf(blocks, figures)), 3)
        XCTAssertEqual(pages(try pdf(Array(blocks.prefix(3)), figures)), 1)
        XCTAssertEqual(pages(try pdf(Array(blocks.prefix(4)), figures)), 2)
    }

    /// Three wide figures fill most of page 1; a heading with a figure under it moves to page 2
    /// with that figure, and a heading over text stays.
    func testAHeadingStaysWithTheFigureBelowIt() throws {
        let figures = wide(4)
        func page(ofHeadingBefore next: DocumentBlock) throws -> Int {
            var page = 0
            _ = try DocumentCanvas.pdf(size: DocumentRenderer.page, title: "T") { pen in
                var layout = PageLayout(canvas: PageCanvas(pen), figures: figures)
                for k in 0..<3 { layout.place(.figure(DocumentFigure(id: "f\(k)"))) }
                layout.place(.heading(level: 2, text: "Next"), next: next)
                page = layout.pageNumber
                layout.finishPage()
            }
            return page
        }
        XCTAssertEqual(try page(ofHeadingBefore: .figure(DocumentFigure(id: "f3"))), 2)
        XCTAssertEqual(try page(ofHeadingBefore: .paragraph("Text.")), 1)
    }

    func testTextAndTablesWrapOntoNewPages() throws {
        let words = RichText(spans: [.text(String(repeating: "word ", count: 400))])
        let paragraph = DocumentBlock.paragraph(words)
        XCTAssertEqual(pages(try pdf([paragraph], [:])), 1)
        XCTAssertGreaterThan(pages(try pdf(Array(repeating: paragraph, count: 4), [:])), 1)
        let rows: [[TableCell]] = (0..<200).map {
            [TableCell(RichText(markdown: "\($0)")), "a cell long enough to wrap"]
        }
        let table = DocumentBlock.table(DocumentTable(header: ["n", "text"], rows: rows))
        XCTAssertGreaterThan(pages(try pdf([table], [:])), 2)
    }

    func testAFigureWithoutAValueIsAnErrorNamingIt() {
        let blocks = [DocumentBlock.figure(DocumentFigure(id: "fig9"))]
        XCTAssertThrowsError(try DocumentRenderer.pdf(blocks, figures: [:], title: "T")) {
            XCTAssertTrue("\($0)".contains("no figure for fig9"), "\($0)")
        }
    }
}
