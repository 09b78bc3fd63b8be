import Foundation
import XCTest
@testable import ReproReport

/// report.html from document blocks: figures through the loader, claims styled by the template.
final class HTMLReportTests: XCTestCase {
    let noImages: (String) throws -> Data = { XCTFail("unexpected figure \($0)"); return Data() }

    func testFiguresAreDataURIsFromTheLoader() throws {
        let blocks = try MarkdownBlocks.parse("""
        # R
        <!-- figure id="fig6" -->
        <a id="figure-fig6"></a>
        ![Fig. 6](figures/not-on-disk.png)

        *Fig. 6. Noise.* [(PDF)](figures/fig6.pdf)
        <!-- /figure -->
        """)
        var asked: [String] = []
        let html = try HTMLReport.make(blocks, title: "R") { id in
            asked.append(id)
            return Data([1, 2, 3])
        }
        XCTAssertEqual(asked, ["fig6"], "the loader is asked by id, once")
        XCTAssertTrue(html.contains("<figure id=\"figure-fig6\">"), html)
        XCTAssertTrue(html.contains(#"<img src="data:image/png;base64,AQID" alt="Fig. 6">"#), html)
        XCTAssertTrue(html.contains(
            #"<figcaption><em>Fig. 6. Noise.</em> <a href="figures/fig6.pdf">(PDF)</a>"#))
        XCTAssertFalse(html.contains("not-on-disk"), "the Markdown image path is not used")
        XCTAssertTrue(html.contains("<meta name=\"viewport\""))
    }

    func testAFigureTheLoaderCannotGiveIsAnErrorNamingIt() throws {
        let blocks = [DocumentBlock.figure(DocumentFigure(id: "fig9"))]
        struct Missing: Error {}
        XCTAssertThrowsError(try HTMLReport.make(blocks, title: "R") { _ in throw Missing() }) {
            XCTAssertTrue("\($0)".contains("cannot embed figure fig9"), "\($0)")
        }
    }

    /// Cards and badges follow the directives; a heading called "Claims" alone does nothing.
    func testClaimsStylingComesFromTheDirectives() throws {
        let kinds = Verdict.Kind.allCases.map(\.rawValue)
        let rows = kinds.map { "| C | **v** <!-- cell class=\"verdict \($0)\" --> | p | r |" }
        let table = "| | verdict | published | reproduced |\n|---|---|---|---|\n"
            + rows.joined(separator: "\n")
        let cards = #"<!-- table class="cards" labels="published, reproduced" -->"#
        let styled = try HTMLReport.make(MarkdownBlocks.parse("## Results\n\n\(cards)\n" + table),
                                         title: "R", image: noImages)
        XCTAssertTrue(styled.contains("<table class=\"cards\">"), styled)
        for kind in kinds {
            let cell = "<td class=\"verdict \(kind)\"><strong>v</strong></td>"
            XCTAssertTrue(styled.contains(cell), kind)
            XCTAssertTrue(HTMLReport.css.contains(".verdict.\(kind) strong {"), kind)
        }
        XCTAssertTrue(styled.contains(
            #"<td data-label="published">p</td><td data-label="reproduced">r</td>"#))
        XCTAssertTrue(HTMLReport.css.contains("table.cards td[data-label]::before"))

        let bare = table.replacingOccurrences(of: #" <!-- cell class="verdict [a-zA-Z]+" -->"#,
                                              with: "", options: .regularExpression)
        let plain = try HTMLReport.make(MarkdownBlocks.parse("## Claims\n\n" + bare), title: "R",
                                        image: noImages)
        XCTAssertFalse(plain.contains("class="), "no styling keyed to heading or verdict text")
        XCTAssertTrue(plain.contains("<td><strong>v</strong></td>"))
    }

    /// The repository's claims partial asks for the cards and the badges itself.
    func testRepositoryClaimsPartialStylesTheClaims() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let partial = root.appendingPathComponent("templates/shared/claims.mustache")
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("claims-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: partial,
                                         to: directory.appendingPathComponent("report.mustache"))
        let verdicts = [Verdict.holds, .holdsOnly(under: "the published code's pruning")]
        let claims: [[String: Any]] = verdicts.enumerated().map {
            ["id": "C\($0.offset + 1)", "verdict": $0.element.text,
             "verdictKind": $0.element.kind.rawValue, "text": "t", "published": "p",
             "reproduced": "r", "figureLabel": "Fig. 6", "figureAnchor": "figure-fig6"]
        }
        let markdown = try TemplateSet(directory: directory).render(
            ["claims": claims, "paper": ["id": "paper1"]])
        let html = try HTMLReport.make(MarkdownBlocks.parse(markdown), title: "R", image: noImages)
        XCTAssertEqual(html.components(separatedBy: "<table class=\"cards\">").count - 1, 1)
        XCTAssertTrue(html.contains(#"<td class="verdict holds"><strong>holds</strong></td>"#))
        XCTAssertTrue(html.contains(#"<td class="verdict partly"><strong>holds only under the "#))
        XCTAssertTrue(html.contains("<td data-label=\"published\">p</td>"))
        XCTAssertTrue(html.contains("<a href=\"#figure-fig6\">Fig. 6</a>"))
        XCTAssertTrue(markdown.contains("| C1 | **holds** <!--"), "report.md stays plain Markdown")
    }
}
