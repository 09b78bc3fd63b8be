import Foundation
import ReproExperiments
import ReproPlot
import ReproSupport

/// `repro build-report` for one paper: results (computing what is missing), figures, tables,
/// claims, and the report in Markdown, HTML and PDF, all under the paper's own folder.
public struct ReportBuilder {
    public var layout: ReportLayout
    public var templates: URL
    public var facts: URL
    public var repository: URL
    /// `--seeds N`: how many seeds the claims are re-checked over (nil: the paper's default).
    public var seedCount: Int?

    public init(layout: ReportLayout, templates: URL, facts: URL, repository: URL, seedCount: Int? = nil) {
        self.layout = layout
        self.templates = templates
        self.facts = facts
        self.repository = repository
        self.seedCount = seedCount
    }

    public struct Outcome: Sendable {
        public var files: [URL]
        public var claims: [ClaimResult]
        public var title: String
        public var seconds: Double
    }

    @discardableResult
    public func build<P: PaperReproduction>(
        _ paper: P, runner: ExperimentRunner, log: @escaping (String) -> Void = { _ in }
    ) throws -> Outcome {
        let start = Date()
        AtomicFile.removeStale(under: layout.root)   // leftovers of writes a crash cut short
        // Check the inputs a user edits before any long computation.
        let factsDirectory = facts
        let facts = try PaperFacts(directory: factsDirectory)
        try paper.checkFacts(facts, directory: factsDirectory)
        let templateSet = try TemplateSet(directory: templates)
        var context = PaperContext(runner: runner, quick: layout.quick, rng: layout.rng, seedCount: seedCount, log: log)
        context.full = layout.full
        let results = try paper.results(context)

        let figures = try paper.figures(results, facts: facts)
        let tables = paper.tables(results)
        let files = try FigureWriter.write(figures, tables: tables, to: layout.figures)
        let claims = try paper.checkClaims(facts.claims, results)
        try AtomicFile.write(CanonicalJSON.encode(claims, pretty: true), to: layout.claims)

        let experiments = paper.provenance(context)
        let provenance = Provenance.collect(experiments: experiments,
                                            buildSeconds: Date().timeIntervalSince(start),
                                            repository: repository,
                                            sourceDate: try PDFDate.fromEnvironment())
        var values = ReportValues.common(facts: facts, claims: claims, figures: figures.map(\.id),
                                         provenance: provenance, quick: layout.quick)
        // Each table's Markdown, for templates that print it (`{{tables.<id>}}`).
        values["tables"] = Dictionary(tables.map { ($0.id.rawValue, $0.markdown) }) { $1 }
        values.merge(try paper.templateContext(results, facts: facts)) { _, paperValue in
            paperValue
        }
        values = try ReportValues.fillingCaptions(values)
        let markdown = try templateSet.render(values)
        try AtomicFile.write(Data(markdown.utf8), to: layout.markdown)
        let title = "Reproduction report: " + facts.metadata.title
        // report.md read once into blocks; the HTML embeds each figure's PNG (read here, by id),
        // the PDF draws each figure's vectors from its `Figure` value.
        let blocks = try MarkdownBlocks.parse(markdown)
        let figureValues = Dictionary(figures.map { ($0.id.rawValue, $0.figure) }) { $1 }
        let png = { (id: String) throws -> Data in
            guard figureValues[id] != nil else { throw ReproError("no figure \(id) was made") }
            return try Data(contentsOf: layout.figures.appendingPathComponent("\(id).png"))
        }
        let html = try HTMLReport.make(blocks, title: title, image: png)
        try AtomicFile.write(Data(html.utf8), to: layout.html)
        let pdf = try DocumentRenderer.pdf(blocks, figures: figureValues, title: title)
        try AtomicFile.write(pdf, to: layout.pdf)
        return Outcome(files: files + [layout.markdown, layout.html, layout.pdf, layout.claims],
                       claims: claims, title: facts.metadata.title,
                       seconds: Date().timeIntervalSince(start))
    }
}
