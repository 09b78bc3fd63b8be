import ArgumentParser
import Foundation
import ReproReport
import ReproSupport

struct ClaimsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claims",
        abstract: "Check each paper's claims against the results (computing what is missing) and "
                  + "print the verdicts.")

    @OptionGroup var profile: ProfileOptions
    @OptionGroup var papers: PaperOptions
    @OptionGroup var locations: Locations
    @OptionGroup var seeds: SeedCountOption

    func validate() throws {
        try papers.check(report: false, rng: profile.rng)
        try seeds.check(papers.paper, quick: profile.quick)
        if stored, papers.paper.id != "paper2" {
            throw ValidationError("--stored applies to paper 2's claims: add --paper 2")
        }
    }

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @Flag(help: ArgumentHelp(
        "Check on what the output already holds, computing nothing (paper 2).",
        discussion: "Networks and evaluations not stored are left out (a cluster run half way, "
                    + "say): a kind of network without any is 'not stored in this output', and "
                    + "the others are checked on the seeds stored."))
    var stored = false

    func run() throws {
        // Missing results are computed and stored first.
        try locations.checkWritable(papers: papers.paper.papers.map(\.id))
        // Every paper's facts are checked before anything is announced or computed.
        for paper in papers.paper.papers { _ = try facts(paper) }
        if !stored {
            try PendingWork.announce(
                ClusterContext(papers: papers.paper, quick: profile.quick, rng: profile.rng,
                               seedCount: seeds.count, locations: locations),
                command: "claims", hint: "; --stored checks what is stored, computing nothing")
        }
        var all: [String: [ClaimResult]] = [:]
        for paper in papers.paper.papers {
            all[paper.id] = try claims(paper)
        }
        if json {
            // One paper: its list of claims; --paper all: an object keyed by paper.
            let single = papers.paper.id == "all" ? nil : all.first?.value
            let data = try single.map { try CanonicalJSON.encode($0, pretty: true) }
                ?? CanonicalJSON.encode(all, pretty: true)
            print(String(decoding: data, as: UTF8.self))
            return
        }
        for (id, claims) in all.sorted(by: { $0.key < $1.key }) {
            print("== \(id): \(VerdictCounts.line(claims))\n")
            // One block per claim: long texts stay readable in an 80-column terminal.
            for c in claims {
                print("\(c.claim.id)  \(c.verdict.text.uppercased())")
                print("    claim:      \(c.claim.text)")
                print("    published:  \(c.claim.published)")
                print("    reproduced: \(c.reproduced)")
                if let r = c.robustness {
                    print("    \(r.seeds.count) seeds:   \(r.verdict.text); \(r.status.uppercased())" + (r.fragile ? " (\(r.note ?? ""))" : ""))
                    if let s = r.statistic {
                        print("    statistic:  \(s.name) = \(r.intervalText), holds if \(s.holdsIn.text(s.format))")
                    }
                }
                print("    evidence:   \(c.claim.figure)\n")
            }
        }
    }

    /// The paper's facts, checked.
    private func facts<P: PaperReproduction>(_ paper: P) throws -> PaperFacts {
        let directory = URL(fileURLWithPath: papers.paperFacts, isDirectory: true)
            .appendingPathComponent(paper.id)
        let facts = try PaperFacts(directory: directory)
        try paper.checkFacts(facts, directory: directory)
        return facts
    }

    private func claims<P: PaperReproduction>(_ paper: P) throws -> [ClaimResult] {
        let facts = try facts(paper)
        var runner = locations.runner(for: paper.id)
        runner.showProgress = !json
        runner.storedOnly = stored
        let context = PaperContext(runner: runner, quick: profile.quick, rng: profile.rng, seedCount: seeds.count) {
            if !json { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        }
        return try paper.checkClaims(facts.claims, try paper.results(context))
    }
}

/// "claims that hold: 5, …" for a list of verdicts.
enum VerdictCounts {
    /// "3 hold, 9 hold in part, 2 do not hold": claims counted by the kind of their verdict.
    static func line(_ claims: [ClaimResult]) -> String {
        let names: [(Verdict.Kind, String)] = [(.holds, "hold"), (.partly, "hold in part"),
                                               (.doesNotHold, "do not hold"),
                                               (.untestable, "cannot be tested")]
        return names.compactMap { kind, name in
            let n = claims.filter { $0.verdict.kind == kind }.count
            return n == 0 ? nil : "\(n) \(name)"
        }.joined(separator: ", ")
    }
}
