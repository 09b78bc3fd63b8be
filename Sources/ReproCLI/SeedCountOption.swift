import ArgumentParser

/// `--seeds N` of the commands that check claims (build-report, claims, figures): how many seeds
/// paper 1's claims are re-checked over — the profile's own seeds and more.
struct SeedCountOption: ParsableArguments {
    @Option(name: .customLong("seeds"), parsing: .unconditional, help: ArgumentHelp(
        "Paper 1: re-check every claim over this many seeds (the paper's and more).",
        discussion: "Default 20 (quick profile: 4). The extra seeds train the LR grid and the capacity "
            + "sweep again and rerun the analyses the claims read; give 3 (quick: 2) for the paper's seeds only.",
        valueName: "N"))
    var count: Int?

    func validate() throws {
        if let count, !(1...100).contains(count) {
            throw ValidationError("--seeds: give a count of seeds from 1 to 100, not \(count)")
        }
    }

    /// Refuses `--seeds` for a choice of papers that does not include paper 1.
    func check(_ paper: PaperChoice) throws {
        if count != nil, paper.id != "all", paper.id != "paper1" {
            throw ValidationError("--seeds: only paper 1's claims are re-checked over more seeds; "
                                  + "\(paper.id) checks its claims over its own seeds, so drop --seeds")
        }
    }
}
