import ArgumentParser
import Foundation
import ReproBench
import ReproPlot
import ReproReport
import ReproSupport

struct FiguresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figures", abstract: "Render figures.",
        subcommands: [PaperFigures.self, GalleryCommand.self], defaultSubcommand: PaperFigures.self)

    struct PaperFigures: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "paper",
            abstract: "Render every figure and table of a paper into output/<paper>/figures (PNG + PDF), computing what is missing first.")

        @Argument(help: ArgumentHelp("The paper: \(PaperChoice.allValueStrings.joined(separator: ", ")).",
                                     valueName: "paper"))
        var paper: PaperChoice = PaperChoice(argument: "all")!

        @OptionGroup var profile: ProfileOptions
        @OptionGroup var locations: Locations
        @OptionGroup var dpi: DPIOption
        @OptionGroup var seeds: SeedCountOption

        @Option(name: .customLong("paper-facts"), help: "Directory of the papers' published facts.")
        var paperFacts: String = "paper"

        @Flag(help: ArgumentHelp("Render from what the output already holds, computing nothing "
                                 + "(paper 2; what is not stored is left out of the figures)."))
        var stored = false

        func validate() throws {
            if stored, paper.id != "paper2" {
                throw ValidationError("--stored applies to paper 2's figures: give paper2")
            }
            try paper.requireReports()
            try seeds.check(paper, quick: profile.quick)
            try paper.require(profile.rng)
            try paper.requireFolders(paperFacts, option: "--paper-facts", holding: "published facts")
        }

        func run() throws {
            try locations.checkWritable(papers: paper.papers.map(\.id),
                                        paper.papers.map { figures($0.id) })
            for p in paper.papers { try render(p) }
        }

        private func figures(_ paper: String) -> URL {
            ReportLayout(output: locations.outputURL, paper: paper, quick: profile.quick,
                         rng: profile.rng).figures
        }

        private func render<P: PaperReproduction>(_ paper: P) throws {
            let start = Date()
            // The facts a user edits are read before any long computation.
            let facts = try PaperFacts(directory: URL(fileURLWithPath: paperFacts).appendingPathComponent(paper.id))
            var runner = locations.runner(for: paper.id)
            runner.storedOnly = stored
            let context = PaperContext(runner: runner, quick: profile.quick, rng: profile.rng,
                                       seedCount: seeds.count) { print($0) }
            let results = try paper.results(context)
            let directory = figures(paper.id)
            let files = try FigureWriter.write(try paper.figures(results, facts: facts), tables: paper.tables(results),
                                               to: directory, dpi: dpi.dpi)
            print("\(files.count) files in \(directory.path), "
                  + "\(String(format: "%.1f", Date().timeIntervalSince(start))) s in all")
        }
    }

    struct GalleryCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "gallery",
            abstract: "Render one figure of every kind from synthetic data into output/gallery (PNG + PDF).")

        @OptionGroup var locations: Locations
        @OptionGroup var dpi: DPIOption

        func run() throws {
            let directory = locations.outputURL.appendingPathComponent("gallery")
            try WritableDirectory.check(directory)
            for (name, figure) in Gallery.figures() {
                let files = try FigureRenderer.write(figure, to: directory.appendingPathComponent(name),
                                                     formats: [.png(dpi: dpi.dpi), .pdf])
                print(files.map(\.path).joined(separator: "  "))
            }
        }
    }
}

/// `--dpi`, checked before any work: a finite number of dots per inch in a sensible range.
struct DPIOption: ParsableArguments {
    /// Below this the 9-point legend and tick labels are under 6.25 pixels tall: unreadable.
    static let minimum = 50.0
    /// Above this a figure's PNG runs to tens of megapixels (and Cairo's limit soon after).
    static let maximum = 1200.0

    @Option(parsing: .unconditional, help: "PNG resolution in dots per inch (50–1200).")
    var dpi: Double = 150

    func validate() throws {
        guard dpi.isFinite, (Self.minimum...Self.maximum).contains(dpi) else {
            throw ValidationError("--dpi must be a number between 50 and 1200 (below 50 the "
                                  + "figures' smallest text is under 6 pixels tall)")
        }
    }
}
