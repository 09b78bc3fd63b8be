import Foundation
import ReproData
import ReproExperiments
import ReproNN
import ReproReport
import ReproSupport

/// Computes each claim's reproduced value and verdict from the results: nothing is written by
/// hand. Every claim is checked on the paper's seeds and again on the extended seeds, with a
/// bootstrap interval over those seeds for the statistic its rule decides on.
public enum Paper1ClaimChecker {
    /// Paper 1's qualified verdict: true of the models as the published code pruned them
    /// (p/100 %), false at the stated p %.
    static let holdsOnlyUnderPublishedPruning = Verdict.holdsOnly(under: "the published code's pruning")

    public static func check(_ claims: [Claim], _ r: Paper1Results,
                             bootstrap: SeedBootstrap = SeedBootstrap()) -> [ClaimResult] {
        let slices = Paper1SeedSlices(r)
        let present = Array(Set(r.capacity.map(\.spec.seed) + r.lrGrid.map(\.spec.seed))).sorted()
        let paper = r.paperSeeds.isEmpty ? present : r.paperSeeds
        let extended = r.extendedSeeds.isEmpty ? paper : r.extendedSeeds
        return SeedRobustClaims.check(claims, paperSeeds: paper, extendedSeeds: extended,
                                      bootstrap: bootstrap) { claim, seeds in
            measure(claim, slices.results(seeds))
        }
    }

    /// One claim on the results as they are (every seed they hold).
    public static func measure(_ claim: Claim, _ r: Paper1Results) -> ClaimMeasurement {
        let test: Paper1ClaimTest
        do { test = try claim.test.decode(Paper1ClaimTest.self) } catch {
            return ClaimMeasurement("bad test in claims.json: \(error)", .untestable)
        }
        switch test {
        case let .capacityNearPerfect(pair, hidden, threshold):
            return CapacityClaims.nearPerfect(r, pair: pair, hidden: hidden, threshold: threshold)
        case let .minimumCapacity(pair, threshold, low, high):
            return CapacityClaims.minimum(r, pair: pair, threshold: threshold, low: low, high: high)
        case let .capacityOrder(pairs, threshold): return CapacityClaims.order(r, pairs: pairs, threshold: threshold)
        case let .instabilityAtCriticalCapacity(threshold, steps):
            return CapacityClaims.instability(r, threshold: threshold, steps: steps)
        case let .capacityInversion(pair, smaller, larger):
            return CapacityClaims.inversion(r, pair: pair, smaller: smaller, larger: larger)
        case let .bestLearningRate(rate): return GridClaims.bestLearningRate(r, rate: rate)
        case let .diminishingGains(from, knee, top): return GridClaims.diminishingGains(r, from: from, knee: knee, top: top)
        case let .pruningTolerance(level, tolerance): return PruningClaims.tolerance(r, level: level, tolerance: tolerance)
        case let .pruningRegularizes(pairs, levels, minimumCases):
            return PruningClaims.regularizes(r, pairs: pairs, levels: levels, minimumCases: minimumCases)
        case let .degradationOnlyExtreme(level, tolerance, threshold, steps):
            return PruningClaims.degradation(r, level: level, tolerance: tolerance, threshold: threshold, steps: steps)
        case let .deadNeuronsZero(source): return PruningClaims.deadNeurons(r, source: source)
        case let .tsnePreserved(tolerance): return AnalysisClaims.tsnePreserved(r, tolerance: tolerance)
        case let .gaussianOrder(larger, smaller): return AnalysisClaims.gaussianOrder(r, larger: larger, smaller: smaller)
        case let .occlusionOrder(sizes): return AnalysisClaims.occlusionOrder(r, sizes: sizes)
        case let .saliencyPreserved(threshold): return AnalysisClaims.saliencyPreserved(r, threshold: threshold)
        case let .saliencyOnStrokes(ratio): return AnalysisClaims.saliencyOnStrokes(r, ratio: ratio)
        }
    }

    static func f(_ x: Double, _ digits: Int = 3) -> String { Digits.fixed(x, digits) }
    static func pm(_ s: Summary, _ digits: Int = 3) -> String { "\(f(s.mean, digits)) ± \(f(s.std, digits))" }
    static func signed(_ x: Double, _ digits: Int = 3) -> String { (x >= 0 ? "+" : "") + f(x, digits) }
    static func verdict(_ s: ClaimStatistic) -> Verdict { s.holdsIn.contains(s.value) ? .holds : .doesNotHold }
}
