import ArgumentParser

/// `--seeds N` of the commands that check claims (build-report, claims, figures): how many seeds
/// the claims are re-checked over — the profile's own seeds and more (paper 1: its claims'
/// models; paper 2: its width family, seeds 0…N−1).
struct SeedCountOption: ParsableArguments {
    @Option(name: .customLong("seeds"), parsing: .unconditional, help: ArgumentHelp(
        "Re-check the claims over this many seeds (the paper's and more).",
        discussion: "Paper 1: default 20 (quick profile: 3). The extra seeds train the LR grid and the capacity "
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

    /// Refuses `--seeds` for a paper that checks its claims over its own seeds only, and a
    /// count outside what the chosen papers accept under the profile (fewer than a paper's own
    /// seeds, say), naming the range. With several papers the smallest own count is the floor:
    /// a paper with more seeds than N checks its own (`build-report --seeds 3`: paper 1's
    /// seeds only, paper 2's five).
    func check(_ paper: PaperChoice, quick: Bool) throws {
        guard let count else { return }
        var lower = Int.max, upper = Int.max
        var limits: [String] = []
        for p in paper.papers {
            guard let accepted = p.seedCounts(quick: quick) else {
                throw ValidationError("--seeds: \(p.id) checks its claims over its own seeds, so "
                                      + "drop --seeds")
            }
            lower = min(lower, accepted.lowerBound)
            upper = min(upper, accepted.upperBound)
            limits.append("\(p.id) has \(accepted.lowerBound)")
        }
        guard lower <= upper else { return }
        let range = lower...upper
        guard range.contains(count) else {
            throw ValidationError("--seeds: give \(range.lowerBound) to \(range.upperBound), not "
                                  + "\(count) (the profile's own seeds: \(limits.joined(separator: ", ")))")
        }
    }
}
