import XCTest
@testable import ReproCLI

/// `build-report --full` is paper 2's whole CNN design: with --quick, or for paper 1, it is
/// refused in one line naming the fix.
final class FullProfileTests: XCTestCase {
    func testFullIsRefusedWithQuickAndForPaper1() {
        Invocation.assertRefusedInOneLine([
            (["build-report", "--full", "--quick", "--paper", "2"], "--quick"),
            (["build-report", "--full", "--paper", "1"], "--paper 2"),
            (["build-report", "--full"], "--paper 2"),
        ])
    }

    /// `claims` and `build-report` say how much they will compute before they start.
    func testAnEmptyOutputIsAnnouncedWithItsEstimate() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("pending-\(UUID())")
        let command = try XCTUnwrap(try Repro.parseAsRoot(
            ["build-report", "--paper", "2", "--quick", "--output", output.path]) as? BuildReportCommand)
        let line = try XCTUnwrap(try PendingWork.line(command.clusterContext, command: "build-report"))
        XCTAssertTrue(line.hasPrefix("build-report: computing first what the output lacks: at most about "),
                      line)
        XCTAssertTrue(line.contains("core-"), line)
    }

    /// The estimate `--full` prints before it starts: a line per family not stored, CNN families
    /// included, and a total that is the sum of the lines.
    func testTheFullEstimateListsEveryFamilyAndItsTotal() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("full-\(UUID())")
        let command = try XCTUnwrap(try Repro.parseAsRoot(
            ["build-report", "--paper", "2", "--full", "--output", output.path]) as? BuildReportCommand)
        let text = try FullProfileEstimate.text(runner: command.locations.runner(for: "paper2"), cores: 2)
        let lines = text.split(separator: "\n").map(String.init)
        for family in ["sparse-width", "vgg-width", "resnet-width", "vgg-depth", "resnet-depth",
                       "vgg-pruned", "robustness-cnn"] {
            XCTAssertTrue(lines.contains { $0.hasPrefix("  \(family):") }, "\(family) in \(text)")
        }
        func hours(_ line: String) -> Double? {
            guard let colon = line.lastIndex(of: ":") else { return nil }
            let words = line[line.index(after: colon)...].split(separator: " ")
            guard let n = Double(words.first ?? ""), words.count > 1 else { return nil }
            return words[1].hasPrefix("core-h") ? n : words[1].hasPrefix("core-min") ? n / 60 : nil
        }
        let parts = lines.filter { $0.hasPrefix("  ") && !$0.hasPrefix("  in all") }.compactMap(hours)
        let total = try XCTUnwrap(lines.last.flatMap { line -> Double? in
            let words = line.split(separator: " ")
            guard let k = words.firstIndex(of: "all"), k + 2 < words.count else { return nil }
            return Double(words[k + 1]).map { words[k + 2].hasPrefix("core-h") ? $0 : $0 / 60 }
        })
        XCTAssertEqual(parts.reduce(0, +), total, accuracy: 0.05 * total + Double(parts.count) * 0.05)
    }

    func testFullParsesForPaper2() throws {
        let command = try XCTUnwrap(try Repro.parseAsRoot(["build-report", "--full", "--paper", "2"])
            as? BuildReportCommand)
        XCTAssertTrue(command.full)
    }
}
