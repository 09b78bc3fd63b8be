import Foundation
import ReproSupport

/// Whether a claim's verdict survives the choice of seeds: the verdict on an extended set of
/// seeds, the statistic on that set with a bootstrap interval over its seeds, and the flag
/// *fragile* when the interval straddles the edge of the range where the claim holds, or the
/// verdicts on the paper's seeds and on the extended seeds differ.
public struct SeedRobustness: Codable, Sendable, Equatable {
    public var paperSeeds: [Int]
    public var seeds: [Int]
    public var verdict: Verdict
    public var reproduced: String
    /// The statistic on the paper's seeds and on the extended seeds (nil: the claim rests on one
    /// model, so there is nothing to resample).
    public var paperStatistic: ClaimStatistic?
    public var statistic: ClaimStatistic?
    /// The 95 % bootstrap interval of the statistic over the extended seeds, [lower, upper].
    public var interval: [Double]?
    public var fragile: Bool
    /// Why it is fragile, or why it cannot be judged; nil when robust.
    public var note: String?

    /// "robust", "fragile", or "one model" when there is nothing to resample.
    public var status: String {
        verdict.kind == .untestable ? "–" : fragile ? "fragile" : statistic == nil || interval == nil ? "one model" : "robust"
    }

    /// "0.991 [0.985, 0.996]".
    public var intervalText: String {
        guard let statistic else { return "n/a" }
        guard let interval else { return statistic.format(statistic.value) }
        return "\(statistic.format(statistic.value)) [\(statistic.format(interval[0])), \(statistic.format(interval[1]))]"
    }
}

/// Checks claims on the paper's seeds and on an extended set, with intervals and fragility.
public enum SeedRobustClaims {
    /// `measure` evaluates a claim on a list of seeds (repeats allowed: a bootstrap draw).
    public static func check(_ claims: [Claim], paperSeeds: [Int], extendedSeeds: [Int],
                             bootstrap: SeedBootstrap = SeedBootstrap(),
                             measure: @escaping @Sendable (Claim, [Int]) -> ClaimMeasurement) -> [ClaimResult] {
        let results = Locked([ClaimResult?](repeating: nil, count: claims.count))
        DispatchQueue.concurrentPerform(iterations: claims.count) { i in
            let r = check(claims[i], paperSeeds: paperSeeds, extendedSeeds: extendedSeeds,
                          bootstrap: bootstrap) { measure(claims[i], $0) }
            results.update { $0[i] = r }
        }
        return results.value.map { $0! }
    }

    public static func check(_ claim: Claim, paperSeeds: [Int], extendedSeeds: [Int],
                             bootstrap: SeedBootstrap = SeedBootstrap(),
                             measure: ([Int]) -> ClaimMeasurement) -> ClaimResult {
        let paper = measure(paperSeeds)
        var result = ClaimResult(claim: claim, reproduced: paper.reproduced, verdict: paper.verdict)
        let extended = measure(extendedSeeds)
        let interval = extended.statistic == nil ? nil : bootstrap.interval(seeds: extendedSeeds, purpose: claim.id) {
            measure($0).statistic?.value ?? .nan
        }
        var notes: [String] = []
        if paper.verdict.kind != extended.verdict.kind {
            notes.append("\(paper.verdict.text) on \(paperSeeds.count) seeds, \(extended.verdict.text) on \(extendedSeeds.count)")
        }
        if let s = extended.statistic, let interval, s.holdsIn.relation(of: interval) == .straddles {
            notes.append("the 95 % interval straddles \(s.holdsIn.text(s.format))")
        }
        let judged = extended.statistic != nil && interval != nil
        result.robustness = SeedRobustness(
            paperSeeds: paperSeeds, seeds: extendedSeeds, verdict: extended.verdict, reproduced: extended.reproduced,
            paperStatistic: paper.statistic, statistic: extended.statistic,
            interval: interval.map { [$0.lowerBound, $0.upperBound] },
            fragile: !notes.isEmpty,
            note: notes.isEmpty ? (judged || extended.verdict.kind == .untestable ? nil : "one model: no interval over seeds")
                : notes.joined(separator: "; "))
        return result
    }
}
