import ArgumentParser
import ReproExperiments

/// `--quick` and `--rng`, declared once: every command that computes results shares them
/// (run, results, claims, figures, build-report).
struct ProfileOptions: ParsableArguments {
    @Flag(help: ArgumentHelp(
        "The quick profile: fewer seeds, sizes and epochs; the whole pipeline in minutes.",
        discussion: "Paper 1: seeds 0,42; sizes 4,12,24,64; 30 epochs. Paper 2: seeds 0,1; "
            + "widths 2^7,2^9,2^11,2^13,2^15; depths 1,2; at most 3 epochs; 100 images per "
            + "evaluation (attacks 50); the CNNs one epoch on 4,000 images. Reports go to output/quick/."))
    var quick = false

    @Option(help: ArgumentHelp(
        "Random numbers: repro (the tool's own streams) or numpy (replay the published code's).",
        discussion: "numpy (paper 1): the published program's NumPy and scikit-learn draws, bit "
            + "for bit: its data splits, its initial weights in its training order, float64 "
            + "training. "
            + "Results are stored beside the default ones; reports go to output/numpy/.",
        valueName: "source"))
    var rng: RandomSource = .repro
}

/// Which paper(s) a command works on, and where their templates and facts are.
struct PaperOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The paper: \(PaperChoice.allValueStrings.joined(separator: ", ")).",
                               valueName: "paper"))
    var paper: PaperChoice = PaperChoice(argument: "all")!

    @Option(help: "Directory of the report templates (one folder per paper; default: templates).")
    var templates: String?

    @Option(name: .customLong("paper-facts"),
            help: "Directory of the papers' published facts and claims (one folder per paper).")
    var paperFacts: String = "paper"

    var templatesRoot: String { templates ?? "templates" }

    /// The paper choice (which must be able to use `rng`), and the facts (and, for a report,
    /// the templates) of each of its papers.
    func check(report: Bool, rng: RandomSource) throws {
        try paper.requireReports()
        try paper.require(rng)
        try paper.requireFolders(paperFacts, option: "--paper-facts",
                                 holding: "published facts")
        if report {
            try paper.requireFolders(templatesRoot, option: "--templates",
                                     holding: "report templates")
        } else if templates != nil {
            throw ValidationError("--templates does not apply here; only build-report writes a "
                                  + "report")
        }
    }
}
