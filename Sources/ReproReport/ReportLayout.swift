import Foundation
import ReproExperiments

/// Where one paper's report goes: `output/<paper>/` for the paper's protocol,
/// `output/quick/<paper>/` for --quick; its results store is `output/<paper>/results/` either way
/// (quick and full models have different specs, so they never collide). A report built from
/// replayed random numbers (`--rng numpy`) goes one level down, to `output/numpy/<paper>/` (or
/// `output/quick/numpy/<paper>/`), so it never overwrites the default report.
public struct ReportLayout: Sendable {
    public let output: URL
    public let paper: String
    public let quick: Bool
    /// The full profile (`--full`, paper 2's whole design): reports under `output/full/`.
    public let full: Bool
    public let rng: RandomSource

    public init(output: URL, paper: String, quick: Bool, full: Bool = false,
                rng: RandomSource = .repro) {
        self.output = output
        self.paper = paper
        self.quick = quick
        self.full = full
        self.rng = rng
    }

    /// The folder of the index page that links every paper's report.
    public var indexRoot: URL {
        let profile = quick ? output.appendingPathComponent("quick")
            : full ? output.appendingPathComponent("full") : output
        return rng == .repro ? profile : profile.appendingPathComponent(rng.rawValue)
    }
    public var root: URL { indexRoot.appendingPathComponent(paper) }
    public var results: URL {
        output.appendingPathComponent(paper).appendingPathComponent("results")
    }
    public var figures: URL { root.appendingPathComponent("figures") }
    public var markdown: URL { root.appendingPathComponent("report.md") }
    public var html: URL { root.appendingPathComponent("report.html") }
    public var pdf: URL { root.appendingPathComponent("report.pdf") }
    public var claims: URL { root.appendingPathComponent("claims.json") }
}
