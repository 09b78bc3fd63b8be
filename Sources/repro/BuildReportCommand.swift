import ArgumentParser
import Foundation
import ReproReport

struct BuildReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build-report",
        abstract: "Run what is missing, render every figure, check every claim, and write report.md, report.html and report.pdf.")

    @OptionGroup var report: ReportOptions
    @OptionGroup var locations: Locations

    func run() throws {
        let layout = ReportLayout(output: locations.outputURL, quick: report.quick)
        let builder = ReportBuilder(layout: layout, templates: report.templateDirectory, facts: report.factsDirectory,
                                    repository: URL(fileURLWithPath: FileManager.default.currentDirectoryPath), quick: report.quick)
        let summary = try builder.build(runner: locations.runner) { print($0) }
        for verdict in [Verdict.holds, .holdsOnlyUnderPublishedPruning, .doesNotHold, .untestable] {
            let n = summary.claims.filter { $0.verdict == verdict }.count
            if n > 0 { print("claims that \(verdict.rawValue.replacingOccurrences(of: "holds", with: "hold").replacingOccurrences(of: "does not hold", with: "do not hold")): \(n)") }
        }
        print("wrote \(layout.markdown.path), \(layout.html.path), \(layout.pdf.path) in \(String(format: "%.1f", summary.seconds)) s")
    }
}
