import Foundation
import ReproExperiments
import ReproPlot

/// One paper as a plug-in: everything `build-report`, `claims`, `figures`, `run` and `results`
/// need from it. Its facts live in `paper/<id>/`, its templates in `templates/<id>/`, its output
/// in `output/<id>/`; adding a paper means a target that implements this, those two folders,
/// and one line in the registry.
public protocol PaperReproduction {
    /// Everything the paper's figures, tables, claims and template read.
    associatedtype Results

    /// The folder name under `paper/`, `templates/` and `output/`, e.g. "paper1".
    var id: String { get }
    /// The experiments `repro run` and `repro results` accept for this paper.
    var experiments: [ExperimentInfo] { get }
    /// False while a paper has experiments but no figures, claims or templates yet.
    var buildsReport: Bool { get }
    /// The `--rng` sources its results can be computed from (default: the tool's own only).
    var randomSources: [RandomSource] { get }
    /// The counts `--seeds N` accepts under the profile (at least the profile's own seeds);
    /// nil: the paper checks its claims over its own seeds only (the default).
    func seedCounts(quick: Bool) -> ClosedRange<Int>?

    /// Trains and analyses whatever is missing, then returns the results.
    func results(_ context: PaperContext) throws -> Results
    /// Every figure in report order, keyed by the id `figures.json` and the templates use.
    func figures(_ results: Results, facts: PaperFacts) throws -> [(id: FigureID, figure: Figure)]
    /// Tables written beside the figures (Markdown and CSV).
    func tables(_ results: Results) -> [ReportTable]
    /// Each claim's reproduced value and verdict, computed from the results.
    func checkClaims(_ claims: [Claim], _ results: Results) throws -> [ClaimResult]
    /// The paper's own template values (the generic ones — paper, claims, figures, provenance —
    /// are added by the report builder).
    func templateContext(_ results: Results, facts: PaperFacts) throws -> [String: Any]
    /// The experiments behind the report, for its provenance section: those the context's
    /// profile (quick, default or full) and random source run, with their stored records.
    func provenance(_ context: PaperContext) -> [ProvenanceExperiment]

    /// Checks the paper's facts (`paper/<id>/`, read from `directory`) before any work: every
    /// claim's test decodes in the paper's schema and names curves, figures and settings that
    /// exist. Throws one line naming the file, the claim and the reason. The default checks
    /// what every paper shares (claim ids unique, figures listed, margins not negative).
    func checkFacts(_ facts: PaperFacts, directory: URL) throws

    /// Checks the options of `repro run|results <experiment>` without doing any work (no data
    /// read, no file touched), so that the command line refuses a bad or inapplicable option
    /// before anything starts. Throws the same one-line error `run` would.
    func checkOptions(_ experiment: String, options: ExperimentOptions) throws
    /// `repro run <experiment>`: trains what is missing; returns a one-line summary.
    func run(_ experiment: String, options: ExperimentOptions,
             context: PaperContext) throws -> String
    /// `repro results <experiment>`: the stored results as text or CSV.
    func resultsTable(_ experiment: String, options: ExperimentOptions, csv: Bool,
                      context: PaperContext) throws -> String
}

extension PaperReproduction {
    public var buildsReport: Bool { true }

    public func checkFacts(_ facts: PaperFacts, directory: URL) throws {
        try facts.checkShared(directory: directory)
    }
    public var randomSources: [RandomSource] { [.repro] }
    public func seedCounts(quick: Bool) -> ClosedRange<Int>? { nil }
}

/// What a paper's computations get: a runner writing into the paper's own store, the profile,
/// whose random numbers to use, and where to log.
public struct PaperContext {
    public var runner: ExperimentRunner
    public var quick: Bool
    /// The full profile (`build-report --full`): the paper's whole design, where a paper has
    /// one larger than its default profile (paper 2's CNNs).
    public var full = false
    public var rng: RandomSource
    /// How many seeds the claims are re-checked over (the paper's and more); nil: the paper's
    /// default for the profile. Papers that check claims on one set of seeds ignore it.
    public var seedCount: Int?
    public var log: (String) -> Void

    public init(runner: ExperimentRunner, quick: Bool, rng: RandomSource = .repro, seedCount: Int? = nil,
                log: @escaping (String) -> Void = { _ in }) {
        self.runner = runner
        self.quick = quick
        self.rng = rng
        self.seedCount = seedCount
        self.log = log
    }

    /// Runs `body`, logs how long it took, and records the time under `name`.
    public func timed<T>(_ name: String, into times: inout [StepTime],
                         _ body: () throws -> T) rethrows -> T {
        let start = Date()
        let value = try body()
        times.append(StepTime(name: name, seconds: Date().timeIntervalSince(start)))
        log("\(name): \(String(format: "%.1f", times[times.count - 1].seconds)) s")
        return value
    }
}

/// The wall time of one step of a run.
public struct StepTime: Sendable, Equatable {
    public var name: String
    public var seconds: Double

    public init(name: String, seconds: Double) { self.name = name; self.seconds = seconds }
}

/// A named experiment and what it trains, for help texts and errors.
public struct ExperimentInfo: Sendable {
    public var name: String
    public var summary: String

    public init(name: String, summary: String) { self.name = name; self.summary = summary }
}

/// A figure's id, as `figures.json` and the templates name it ("fig6", "figA1").
public struct FigureID: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral,
                        CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }
}

/// A table as the report and the figures folder carry it.
public struct ReportTable: Sendable {
    public var id: FigureID
    public var markdown: String
    public var csv: String

    public init(id: FigureID, markdown: String, csv: String) {
        self.id = id; self.markdown = markdown; self.csv = csv
    }
}
