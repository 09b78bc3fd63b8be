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

        {{models}} models. {{counts.holds}} claims hold. Built on {{provenance.date}}{{#timesShown}} in {{buildSeconds}} s{{/timesShown}}.

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

    func build(threshold: Double,
               root: URL = SyntheticMNIST.temporaryDirectory("fake-paper")) throws
        -> (ReportLayout, ReportBuilder.Outcome) {
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

    /// Dated by SOURCE_DATE_EPOCH, the report's body holds that date and none of this run's
    /// wall times: a second build from the same results writes the same bytes.
    func testASourceDatedReportIsByteIdenticalWhenBuiltAgain() throws {
        let root = SyntheticMNIST.temporaryDirectory("fake-paper-dated")
        try Environment.with("SOURCE_DATE_EPOCH", "1700000000") {
            let (layout, _) = try build(threshold: 0.5, root: root)
            let files = [layout.markdown, layout.html, layout.pdf]
            let first = try files.map { try Data(contentsOf: $0) }
            let markdown = String(decoding: first[0], as: UTF8.self)
            XCTAssertTrue(markdown.contains("Built on 2023-11-14T22:13:20Z."), markdown)
            Thread.sleep(forTimeInterval: 1.05)
            _ = try build(threshold: 0.5, root: root)
            XCTAssertEqual(try files.map { try Data(contentsOf: $0) }, first)
        }
        let (undated, _) = try build(threshold: 0.5)
        XCTAssertTrue(try String(contentsOf: undated.markdown, encoding: .utf8).contains(" s."),
                      "without it the build time is shown")
    }

    func testTheVerdictFollowsTheRuleInTheData() throws {
        XCTAssertEqual(try build(threshold: 1.0).1.claims.map(\.verdict), [.doesNotHold])
    }
}
