import Foundation
import XCTest
import ReproData
import ReproExperiments
import ReproNN
import ReproTestSupport
@testable import ReproReport
@testable import ReproPaper1

/// `build-report --quick` end to end on synthetic MNIST, with the repository's own templates and facts.
final class ReportBuilderTests: XCTestCase {
    func testBuildsAllThreeFilesWithEveryClaim() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let output = SyntheticMNIST.temporaryDirectory("report")
        let mnist = try SyntheticMNIST.mnist(counts: [260, 280, 250, 270, 255, 250, 265, 275, 250, 262])
        let layout = ReportLayout(output: output, paper: "paper1", quick: true)
        var runner = ExperimentRunner(store: ResultStore(root: layout.results), dataHash: "synthetic-report") { mnist }
        runner.showProgress = false
        let builder = ReportBuilder(layout: layout, templates: root.appendingPathComponent("templates/paper1"),
                                    facts: root.appendingPathComponent("paper/paper1"), repository: root, seedCount: 3)
        let summary = try builder.build(Paper1Reproduction(), runner: runner)
        XCTAssertEqual(summary.claims.count, 17)
        // The quick profile has no h = 16 or 32 (C13, C17).
        let untestable = Set(summary.claims.filter { $0.verdict == .untestable }.map(\.claim.id))
        XCTAssertTrue(untestable.isSubset(of: ["C13", "C17"]), "\(untestable)")
        for c in summary.claims {
            XCTAssertEqual(c.robustness?.seeds, [0, 42, 78], "claim \(c.claim.id) re-checked over the quick seeds and one more")
        }

        let markdown = try String(contentsOf: layout.markdown, encoding: .utf8)
        XCTAssertTrue(markdown.contains("**Quick profile.**"))
        for id in 1...17 { XCTAssertTrue(markdown.contains("| C\(id) | **"), "claim C\(id) row") }
        XCTAssertTrue(markdown.contains("| | verdict | on 3 seeds | claim |") && markdown.contains("| 3 seeds [95 % interval] | holds if | fragile because |"), "the claims table shows the extended seeds")
        XCTAssertTrue(markdown.contains("again on 3 seeds (0, 42, 78)"))
        XCTAssertTrue(markdown.contains("![Fig. 4](figures/fig4.png)"))
        XCTAssertTrue(markdown.contains("## Provenance"))
        XCTAssertTrue(markdown.contains("\(BLASInfo.threads) threads (weights are bit-identical only "
                                        + "with the same machine and thread count)"))
        XCTAssertTrue(markdown.contains("## Replay of the published code"))
        XCTAssertTrue(markdown.contains("`repro run capacity --rng numpy` adds it"),
                      "no replayed sweep stored: the section says how to add one")
        XCTAssertFalse(markdown.contains("{{"), "no unrendered tags")

        let html = try String(contentsOf: layout.html, encoding: .utf8)
        XCTAssertFalse(html.contains("src=\"figures/"), "figures are embedded")
        XCTAssertGreaterThan(html.components(separatedBy: "data:image/png;base64,").count - 1, 20)

        let pdf = try Data(contentsOf: layout.pdf)
        XCTAssertEqual(String(decoding: pdf.prefix(5), as: UTF8.self), "%PDF-")
        XCTAssertGreaterThan(String(decoding: pdf, as: UTF8.self).components(separatedBy: "/Type /Page ").count - 1, 5)
    }
}
