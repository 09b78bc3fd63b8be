import ArgumentParser
import Foundation
import ReproExperiments
import ReproFigures
import ReproReport
import ReproSupport

struct ClaimsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claims",
        abstract: "Check the paper's claims against the results (computing what is missing) and print the verdicts.")

    @OptionGroup var report: ReportOptions
    @OptionGroup var locations: Locations

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        let facts = try PaperFacts(directory: report.factsDirectory)
        var runner = locations.runner
        runner.showProgress = !json
        let results = try Paper1Pipeline.results(runner: runner, quick: report.quick) { if !json { FileHandle.standardError.write(Data(($0 + "\n").utf8)) } }
        let claims = ClaimChecker.check(facts.claims, results)
        if json {
            print(String(decoding: try CanonicalJSON.encode(claims, pretty: true), as: UTF8.self))
            return
        }
        // One block per claim: long texts stay readable in an 80-column terminal.
        for c in claims {
            print("\(c.claim.id)  \(c.verdict.rawValue.uppercased())")
            print("    claim:      \(c.claim.text)")
            print("    published:  \(c.claim.published)")
            print("    reproduced: \(c.reproduced)")
            print("    evidence:   \(c.claim.figure)\n")
        }
    }
}
