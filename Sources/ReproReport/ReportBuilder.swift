import Foundation
import ReproExperiments
import ReproFigures
import ReproPlot
import ReproSupport

/// Where a report's files go: `output/` for the paper's protocol, `output/quick/` for --quick.
public struct ReportLayout: Sendable {
    public let root: URL
    public init(output: URL, quick: Bool) { root = quick ? output.appendingPathComponent("quick") : output }
    public var figures: URL { root.appendingPathComponent("figures") }
    public var markdown: URL { root.appendingPathComponent("report.md") }
    public var html: URL { root.appendingPathComponent("report.html") }
    public var pdf: URL { root.appendingPathComponent("report.pdf") }
    public var claims: URL { root.appendingPathComponent("claims.json") }
}

/// `repro build-report`: results (computing what is missing), figures, claims, and the report in
/// Markdown, HTML and PDF.
public struct ReportBuilder {
    public var layout: ReportLayout
    public var templates: URL
    public var facts: URL
    public var repository: URL
    public var quick: Bool

    public init(layout: ReportLayout, templates: URL, facts: URL, repository: URL, quick: Bool) {
        self.layout = layout; self.templates = templates; self.facts = facts; self.repository = repository; self.quick = quick
    }

    public struct Summary: Sendable {
        public var files: [URL]
        public var claims: [ClaimResult]
        public var seconds: Double
    }

    @discardableResult
    public func build(runner: ExperimentRunner, log: (String) -> Void = { _ in }) throws -> Summary {
        let start = Date()
        // Check the inputs a user edits before any long computation.
        let facts = try PaperFacts(directory: facts)
        let templateSet = try TemplateSet(directory: templates)
        let results = try Paper1Pipeline.results(runner: runner, quick: quick, log: log)

        var files = try Paper1Pipeline.render(results, to: layout.figures)
        let p = facts.published.heatmap
        files += try FigureRenderer.write(ComparisonFigures.heatmap(results, publishedSizes: p.hiddenSizes, publishedRates: p.learningRates, published: p.f1),
                                          to: layout.figures.appendingPathComponent("fig2-compare"))
        var figureFiles: [String: ReportContext.FigureFiles] = [:]
        for file in files where file.pathExtension == "png" {
            let id = file.deletingPathExtension().lastPathComponent
            figureFiles[id] = .init(png: "figures/\(id).png", pdf: "figures/\(id).pdf")
        }

        let claims = ClaimChecker.check(facts.claims, results)
        try AtomicFile.write(CanonicalJSON.encode(claims, pretty: true), to: layout.claims)
        let plans = [ExperimentPlan.lrGrid(quick: quick), ExperimentPlan.capacity(quick: quick)]
        let provenance = Provenance.collect(store: runner.store, plans: plans, buildSeconds: Date().timeIntervalSince(start), repository: repository)
        let context = ReportContext.make(results: results, facts: facts, claims: claims, provenance: provenance, profile: plans[1],
                                         figures: figureFiles, analysisSeconds: results.stepSeconds.map { ($0.name, $0.seconds) })
        let markdown = templateSet.render(context)
        try AtomicFile.write(Data(markdown.utf8), to: layout.markdown)
        let title = "Reproduction report: " + facts.metadata.title
        try AtomicFile.write(Data(try HTMLReport.make(markdown: markdown, title: title, base: layout.root).utf8), to: layout.html)
        try AtomicFile.write(try DocumentRenderer.pdf(MarkdownBlocks.parse(markdown, relativeTo: layout.root), title: title), to: layout.pdf)
        return Summary(files: files + [layout.markdown, layout.html, layout.pdf, layout.claims], claims: claims,
                       seconds: Date().timeIntervalSince(start))
    }
}
