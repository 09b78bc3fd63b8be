import Foundation
import XCTest
import ReproExperiments
import ReproReport
import ReproTestSupport

/// The proof that the paper seam works: a paper the code has never heard of gets a full report.
final class FakePaperTests: XCTestCase {
    func writeFacts(_ dir: URL, threshold: Double) throws {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let files = [
            "paper.json": #"{"id": "fake", "title": "A fake paper", "authors": "Nobody", "#
                + #""summary": "Class means."}"#,
            "figures.json": #"[{"id": "figX", "label": "Fig. X", "section": "main", "#
                + #""caption": "Accuracy."}]"#,
            "published.json": #"{}"#,
            "claims.json": #"[{"id": "F1", "text": "Class means classify digits.", "#
                + #""published": "> 0.5", "figure": "figX", "#
                + #""test": {"threshold": \#(threshold)}}]"#,
        ]
        for (name, text) in files {
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
    }

    func writeTemplate(_ dir: URL) throws {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let report = """
        # {{paper.title}}

        {{models}} models. {{counts.holds}} claims hold.

        {{#claims}}
        | {{id}} | **{{verdict}}** | {{text}} | {{reproduced}} |
        {{/claims}}

        {{#figures.figX}}
        <!-- figure id="{{id}}" -->
        ![{{label}}]({{png}})
        <!-- /figure -->
        {{/figures.figX}}
        """
        try report.write(to: dir.appendingPathComponent("report.mustache"), atomically: true,
                         encoding: .utf8)
    }

    func build(threshold: Double) throws -> (ReportLayout, ReportBuilder.Outcome) {
        let root = SyntheticMNIST.temporaryDirectory("fake-paper")
        try writeFacts(root.appendingPathComponent("paper/fake"), threshold: threshold)
        try writeTemplate(root.appendingPathComponent("templates/fake"))
        let layout = ReportLayout(output: root.appendingPathComponent("output"), paper: "fake",
                                  quick: false)
        let mnist = try SyntheticMNIST.mnist()
        var runner = ExperimentRunner(store: ResultStore(root: layout.results),
                                      dataHash: "synthetic") {
            mnist
        }
        runner.showProgress = false
        let builder = ReportBuilder(layout: layout,
                                    templates: root.appendingPathComponent("templates/fake"),
                                    facts: root.appendingPathComponent("paper/fake"),
                                    repository: root)
        return (layout, try builder.build(FakePaper(), runner: runner))
    }

    func testAFakePaperGetsAReportEndToEnd() throws {
        let (layout, outcome) = try build(threshold: 0.5)
        XCTAssertEqual(outcome.claims.map(\.verdict), [.holds])
        let markdown = try String(contentsOf: layout.markdown, encoding: .utf8)
        XCTAssertTrue(markdown.contains("# A fake paper"))
        XCTAssertTrue(markdown.contains("2 models. 1 claims hold."), markdown)
        XCTAssertTrue(markdown.contains("| F1 | **holds** |"), markdown)
        XCTAssertTrue(markdown.contains("![Fig. X](figures/figX.png)"), markdown)
        for url in [layout.html, layout.pdf, layout.claims,
                    layout.figures.appendingPathComponent("figX.png")] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: url.path), url.path)
        }
        XCTAssertTrue(layout.root.path.hasSuffix("output/fake"),
                      "the fake paper's report lives in its own folder")
    }

    func testTheVerdictFollowsTheRuleInTheData() throws {
        XCTAssertEqual(try build(threshold: 1.0).1.claims.map(\.verdict), [.doesNotHold])
    }
}
