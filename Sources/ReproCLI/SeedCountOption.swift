import ArgumentParser

/// `--seeds N` of the commands that check claims (build-report, claims, figures): how many seeds
/// the claims are re-checked over — the profile's own seeds and more (paper 1: its claims'
/// models; paper 2: its width family, seeds 0…N−1).
struct SeedCountOption: ParsableArguments {
    @Option(name: .customLong("seeds"), parsing: .unconditional, help: ArgumentHelp(
        "Re-check the claims over this many seeds (the paper's and more).",
        discussion: "Paper 1: default 20 (quick profile: 4). The extra seeds train the LR grid and the capacity "
            + "sweep again and rerun the analyses the claims read; give 3 (quick: 2) for the paper's seeds only. "
            + "Paper 2: default none (its 5 seeds; quick: 2); with N ≥ 5 (quick: 2) the width family is "
            + "trained and evaluated over seeds 0…N−1, every stored network reused.",
        valueName: "N"))
    var count: Int?

    func validate() throws {
        if let count, !(1...100).contains(count) {
            throw ValidationError("--seeds: give a count of seeds from 1 to 100, not \(count)")
        }
    }

    /// The papers whose claims can be re-checked over more seeds.
    static let papers: Set<String> = ["all", "paper1", "paper2"]

    /// Refuses `--seeds` for a choice of papers that cannot re-check its claims over more seeds.
    func check(_ paper: PaperChoice) throws {
        if count != nil, !Self.papers.contains(paper.id) {
            throw ValidationError("--seeds: \(paper.id) checks its claims over its own seeds, so "
                                  + "drop --seeds")
        }
    }
}
