import Foundation
import XCTest
import ReproData
import ReproExperiments
import ReproPlot
import ReproTestSupport
@testable import ReproPaper1
import ReproReport

/// The whole paper-1 pipeline on synthetic MNIST (quick profile): every analysis runs, every
/// figure and table is written, and a second pass computes nothing.
final class Paper1PipelineTests: XCTestCase {
    static let counts = [260, 280, 250, 270, 255, 250, 265, 275, 250, 262]

    func runner(_ root: URL, loads: @escaping () -> Void = {}) throws -> ExperimentRunner {
        let mnist = try SyntheticMNIST.mnist(counts: Self.counts)
        var r = ExperimentRunner(store: ResultStore(root: root), dataHash: "synthetic-large") { loads(); return mnist }
        r.showProgress = false
        return r
    }

    /// One pipeline run shared by the tests (it is the expensive part).
    static let shared: (root: URL, results: Paper1Results)? = {
        let root = SyntheticMNIST.temporaryDirectory("pipeline")
        guard let mnist = try? SyntheticMNIST.mnist(counts: counts) else { return nil }
        var r = ExperimentRunner(store: ResultStore(root: root), dataHash: "synthetic-large") { mnist }
        r.showProgress = false
        return (try? Paper1Reproduction().results(PaperContext(runner: r, quick: true, seedCount: 2))).map { (root, $0) }
    }()

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let facts = try! PaperFacts(directory: repository.appendingPathComponent("paper/paper1"))
    static let published = try! facts.published(as: Paper1Published.self)

    func testEveryFigureAndTableIsProducedAndCached() throws {
        let (root, results) = try XCTUnwrap(Self.shared)
        let all = Paper1Figures.all(results, published: Self.published)
        let ids = all.map(\.id.rawValue)
        XCTAssertEqual(ids, ["fig1", "fig2", "fig2-compare", "fig3", "fig3-heldout", "figA1", "figA2", "figA3", "figA4", "figA5", "fig4", "fig4-auc",
                             "figB1", "figB1-auc", "figB2", "figB2-auc", "figB3", "figB3-auc", "figB4", "figB4-auc",
                             "fig5", "fig6", "fig7", "fig8-4", "fig8-9", "fig8-code-4", "fig8-code-9", "figD1"])
        let directory = root.appendingPathComponent("figures")
        let files = try FigureWriter.write(all, tables: Paper1Figures.tables(results), to: directory, dpi: 30)
        XCTAssertEqual(files.count, 2 * ids.count + 2)
        for id in ids {
            let image = try FigureRenderer.raster(all.first { $0.id.rawValue == id }!.figure, dpi: 20)
            XCTAssertGreaterThan(image.count(differingFrom: .white), image.width * image.height / 40, id)
        }
        let table = try String(contentsOf: directory.appendingPathComponent("tab1.md"), encoding: .utf8)
        XCTAssertTrue(table.contains("| 4/9 | 24 | 95 % | paper |"))

        var loads = 0
        let again = try Paper1Reproduction().results(PaperContext(runner: try runner(root) { loads += 1 }, quick: true, seedCount: 2))
        XCTAssertEqual(loads, 0, "everything cached: no data needed")
        XCTAssertEqual(again.pruning, results.pruning)
        XCTAssertEqual(again.tsne, results.tsne)
    }

    func testPruningRowsCoverBothReadingsAndTheRightSizes() throws {
        let results = try XCTUnwrap(Self.shared).results
        let rows = results.pruning.filter { $0.pair == DigitPair(4, 9) && $0.seed == 0 && $0.hidden == 24 }
        XCTAssertEqual(rows.count, 2 * PruningStudy.levels.count)
        let at99 = rows.filter { $0.level == 99 }
        XCTAssertEqual(at99.first { $0.reading == .correct }!.sparsity, 0.99, accuracy: 0.001)
        XCTAssertEqual(at99.first { $0.reading == .published }!.sparsity, 0.0099, accuracy: 0.001)
        XCTAssertEqual(Set(results.pruning.map(\.hidden)), [4, 12, 24, 64])
        XCTAssertEqual(Set(results.robustness.map(\.corruption)), ["clean", "gaussian", "occlusion"])
        XCTAssertEqual(results.saliency.map(\.configuration.hidden), [24, 48])
    }

    func testSaliencyIsDrawnPerDigitAndMeasuredOverEverySeed() throws {
        let results = try XCTUnwrap(Self.shared).results
        for s in results.saliency {
            XCTAssertEqual(s.counts.map(\.digit), [4, 9])
            for digit in [4, 9] {
                XCTAssertNotNil(s.map("original", digit: digit))
                XCTAssertNotNil(s.map("pruned-published", digit: digit))
                XCTAssertEqual(s.map("misclassified", digit: digit) == nil, s.count(digit: digit)?.misclassified == 0)
            }
            XCTAssertTrue(s.maps.allSatisfy { [4, 9].contains($0.digit) })
        }
        let rows = results.saliencyConcentration
        XCTAssertEqual(rows.map(\.seed), [0, 0, 0, 42, 42, 42])
        XCTAssertEqual(rows.map(\.model), Array(repeating: ["original", "pruned", "pruned-published"], count: 2).flatMap { $0 })
        XCTAssertTrue(rows.allSatisfy { $0.hidden == 24 && $0.images > 0 && (0...1).contains($0.massShare) && (0...1).contains($0.pixelShare) })
    }
}
