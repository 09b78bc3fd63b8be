import XCTest
@testable import ReproReport

/// The templates' Markdown read into document blocks: the one parse both outputs share.
final class MarkdownBlocksTests: XCTestCase {
    func testBlocks() throws {
        let md = """
        # Title
        Some **bold** text and a [link](#x).

        | a | b |
        |---|---|
        | 1 | `2` |

        <!-- figure id="fig1" -->
        <a id="figure-fig1"></a>
        ![Fig. 1 (compared)](figures/fig1.png)

        *Fig. 1. A caption.* [(PDF)](figures/fig1.pdf)
        <!-- /figure -->

        > **Quick profile.** Note.
        - an item
        ---
        <a id="figure-tab1"></a>
        """
        let blocks = try MarkdownBlocks.parse(md)
        XCTAssertEqual(blocks, [
            .heading(level: 1, text: "Title"),
            .paragraph("Some **bold** text and a [link](#x)."),
            .table(DocumentTable(header: ["a", "b"], rows: [["1", "`2`"]])),
            .figure(DocumentFigure(id: "fig1", anchor: "figure-fig1", alt: "Fig. 1 (compared)",
                                   caption: "*Fig. 1. A caption.* [(PDF)](figures/fig1.pdf)")),
            .quote("**Quick profile.** Note."),
            .bullet("an item"),
            .rule,
            .anchor("figure-tab1"),
        ])
        guard case .paragraph(let text) = blocks[1], case .figure(let figure) = blocks[3] else {
            return XCTFail("\(blocks)")
        }
        XCTAssertEqual(text.plain, "Some bold text and a link.")
        XCTAssertEqual(figure.caption.printed, "Fig. 1. A caption.", "the PDF drops links to files")
        XCTAssertEqual(figure.caption.plain, "Fig. 1. A caption. (PDF)")
    }

    /// The id comes from the directive; the image path (for Markdown readers) is never read.
    func testFigureIsNamedByItsDirective() throws {
        let md = """
        <!-- figure id="fig6" -->
        ![Fig. 6](somewhere/else.png)

        *Cap.*
        <!-- /figure -->
        """
        let figure = DocumentFigure(id: "fig6", alt: "Fig. 6", caption: "*Cap.*")
        XCTAssertEqual(try MarkdownBlocks.parse(md), [.figure(figure)])
    }

    func testTableDirectiveNamesColumnsByHeader() throws {
        let md = """
        Intro.

        <!-- table class="cards" labels="published, reproduced" -->
        | | verdict | published | reproduced |
        |---|---|---|---|
        | C1 | **holds** | a | b |
        """
        let blocks = try MarkdownBlocks.parse(md)
        guard case .table(let table) = blocks.last else { return XCTFail("\(blocks)") }
        XCTAssertEqual(table.style, TableStyle(className: "cards", labelled: [2, 3]))
        XCTAssertEqual(table.rows, [["C1", "**holds**", "a", "b"]])
    }

    /// A `cell` comment in a cell gives the cell a class and leaves its text; other comments stay.
    func testCellDirectiveGivesACellItsClass() throws {
        let md = "| a | b |\n|---|---|\n"
            + #"| **x** <!-- cell class="verdict holds" --> | y <!-- z --> |"#
        guard case .table(let table) = try MarkdownBlocks.parse(md).first else { return XCTFail() }
        let marked = TableCell("**x**", className: "verdict holds")
        XCTAssertEqual(table.rows, [[marked, "y <!-- z -->"]])
    }

    func testTemplateMistakesNameTheLine() {
        func check(_ md: String, _ message: String, line: UInt = #line) {
            XCTAssertThrowsError(try MarkdownBlocks.parse(md), line: line) {
                XCTAssertTrue("\($0)".contains(message), "\($0)", line: line)
            }
        }
        let cards = "<!-- table class=\"cards\" -->"
        check("<!-- table labels=\"verdict\" -->\n| a |\n|---|",
              "line 1: the table has no column 'verdict'")
        check(cards + "\n# Heading", "line 1: a table directive must come")
        check("text\n\n" + cards, "line 3: a table directive with no table")
        check("x\n![f](figures/f.png)", "line 2: an image outside a figure")
        check("<!-- figure id=\"f\" -->\n*cap*", "line 1: figure 'f' is never closed")
        check("<!-- figure -->", "needs id=")
        XCTAssertNoThrow(try MarkdownBlocks.parse("<!-- just a comment -->\ntext"))
    }

    func testInlineMarkup() {
        let text = RichText(
            markdown: #"**F1** < 0.9 for *h* = `24`, see [Fig. *6*](#f6); 2 * 3 \*x\*"#)
        XCTAssertEqual(text.spans, [
            .strong([.text("F1")]), .text(" < 0.9 for "), .emphasis([.text("h")]), .text(" = "),
            .code("24"), .text(", see "),
            .link([.text("Fig. "), .emphasis([.text("6")])], target: "#f6"),
            .text("; 2 * 3 *x*"),
        ])
        XCTAssertEqual(text.plain, "F1 < 0.9 for h = 24, see Fig. 6; 2 * 3 *x*")
        XCTAssertEqual(text.html, "<strong>F1</strong> &lt; 0.9 for <em>h</em> = <code>24</code>, "
            + "see <a href=\"#f6\">Fig. <em>6</em></a>; 2 * 3 *x*")
    }
}
