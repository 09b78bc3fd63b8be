import ArgumentParser
import Foundation
import ReproReport

struct BuildReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build-report",
        abstract: "Run what is missing, render every figure, check every claim, and write each paper's report.",
        discussion: "Writes output/<paper>/report.{md,html,pdf}, claims.json and figures/, and output/index.{md,html} linking them (under output/quick/ with --quick).")

    @OptionGroup var profile: ProfileOptions
    @OptionGroup var papers: PaperOptions
    @OptionGroup var locations: Locations
    @OptionGroup var seeds: SeedCountOption
    @OptionGroup var cluster: SlurmOptions

    @Flag(help: ArgumentHelp(
        "Paper 2's whole design: every CNN family at every width and depth, 5 seeds, the "
            + "evaluations at the MLPs' sizes.",
        discussion: "Core-days on 2 cores: its estimated cost is printed before it starts. "
            + "Meant for a cluster (with --slurm) or a long night. Reports go to output/full/."))
    var full = false

    func validate() throws {
        try papers.check(report: true, rng: profile.rng)
        try seeds.check(papers.paper, quick: profile.quick)
        if full && profile.quick {
            throw ValidationError("--full and --quick are two profiles: give one")
        }
        if full && papers.paper.papers.map(\.id) != ["paper2"] {
            throw ValidationError("--full is paper 2's whole CNN design: give --paper 2")
        }
    }

    func run() throws {
        if cluster.slurm || cluster.estimate { return try runOnCluster() }
        if full { print(try FullProfileEstimate.text(runner: locations.runner(for: "paper2"))) }
        try locations.checkWritable(papers: papers.paper.papers.map(\.id),
                                    papers.paper.papers.map { layout($0.id).figures })
        try PendingWork.announce(clusterContext, command: "build-report")
        var entries: [IndexPage.Entry] = []
        for paper in papers.paper.papers {
            let layout = layout(paper.id)
            let builder = ReportBuilder(
                layout: layout,
                templates: URL(fileURLWithPath: papers.templatesRoot, isDirectory: true).appendingPathComponent(paper.id),
                facts: URL(fileURLWithPath: papers.paperFacts, isDirectory: true).appendingPathComponent(paper.id),
                repository: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                seedCount: seeds.count)
            let outcome = try builder.build(paper, runner: locations.runner(for: paper.id)) { print($0) }
            print(VerdictCounts.line(outcome.claims))
            print("wrote \(layout.markdown.path), \(layout.html.path), \(layout.pdf.path) "
                  + "in \(String(format: "%.1f", outcome.seconds)) s")
            entries.append(IndexPage.Entry(paper: paper.id, title: outcome.title, claims: outcome.claims))
        }
        let index = layout("").indexRoot
        let files = try IndexPage.write(IndexPage.merge(entries, into: index), to: index)
        print("wrote \(files.map(\.path).joined(separator: ", "))")
    }

    private func layout(_ paper: String) -> ReportLayout {
        ReportLayout(output: locations.outputURL, paper: paper, quick: profile.quick, full: full,
                     rng: profile.rng)
    }
}
