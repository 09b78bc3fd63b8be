import ArgumentParser
import Foundation
import ReproReport

/// Which paper, and where its templates and published facts are.
struct ReportOptions: ParsableArguments {
    @Flag(help: "The quick profile (seeds 0,42; sizes 4,12,24,64; 30 epochs): the whole pipeline in about a minute; writes to output/quick/.")
    var quick = false

    @Option(help: "The paper to report on (paper1).")
    var paper: String = "paper1"

    @Option(help: "Directory of the report templates (one folder per paper).")
    var templates: String = "templates"

    @Option(name: .customLong("paper-facts"), help: "Directory of the papers' published facts and claims (one folder per paper).")
    var paperFacts: String = "paper"

    func validate() throws {
        guard paper == "paper1" else { throw ValidationError("--paper: only paper1 has a report so far, not '\(paper)'") }
    }

    var templateDirectory: URL { URL(fileURLWithPath: templates, isDirectory: true).appendingPathComponent(paper) }
    var factsDirectory: URL { URL(fileURLWithPath: paperFacts, isDirectory: true).appendingPathComponent(paper) }
}
