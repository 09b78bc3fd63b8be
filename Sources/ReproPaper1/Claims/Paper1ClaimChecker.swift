import Foundation
import ReproData
import ReproExperiments
import ReproNN
import ReproReport
import ReproSupport

/// Computes each claim's reproduced value and verdict from the results: nothing is written by hand.
public enum Paper1ClaimChecker {
    /// Paper 1's qualified verdict: true of the models as the published code pruned them
    /// (p/100 %), false at the stated p %.
    static let holdsOnlyUnderPublishedPruning = Verdict.holdsOnly(under: "the published code's pruning")

    public static func check(_ claims: [Claim], _ r: Paper1Results) -> [ClaimResult] {
        claims.map { check($0, r) }
    }

    public static func check(_ claim: Claim, _ r: Paper1Results) -> ClaimResult {
        let outcome: (String, Verdict)
        do {
            switch try claim.test.decode(Paper1ClaimTest.self) {
            case let .capacityNearPerfect(pair, hidden, threshold):
                outcome = capacityNearPerfect(r, pair: pair, hidden: hidden, threshold: threshold)
            case let .minimumCapacity(pair, threshold, low, high):
                outcome = minimumCapacity(r, pair: pair, threshold: threshold, low: low, high: high)
            case let .bestLearningRate(rate): outcome = bestLearningRate(r, rate: rate)
            case let .pruningTolerance(level, tolerance):
                outcome = pruningTolerance(r, level: level, tolerance: tolerance)
            case let .deadNeuronsZero(source): outcome = deadNeuronsZero(r, source: source)
            case let .tsnePreserved(tolerance): outcome = tsnePreserved(r, tolerance: tolerance)
            case let .gaussianOrder(larger, smaller): outcome = gaussianOrder(r, larger: larger, smaller: smaller)
            case let .occlusionOrder(sizes): outcome = occlusionOrder(r, sizes: sizes)
            case let .saliencyPreserved(threshold): outcome = saliencyPreserved(r, threshold: threshold)
            }
        } catch {
            outcome = ("bad test in claims.json: \(error)", .untestable)
        }
        return ClaimResult(claim: claim, reproduced: outcome.0, verdict: outcome.1)
    }

    static func f(_ x: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", x) }
    static func pm(_ s: Summary, _ digits: Int = 3) -> String { "\(f(s.mean, digits)) ± \(f(s.std, digits))" }

    static func capacityNearPerfect(_ r: Paper1Results, pair: DigitPair, hidden: Int, threshold: Double) -> (String, Verdict) {
        let values = r.capacity.filter { $0.spec.pair == pair && $0.spec.hidden == hidden }.map(\.bestTrainF1)
        guard !values.isEmpty else { return ("no models for \(pair) h = \(hidden)", .untestable) }
        let s = Summary(values)
        return ("best F1 \(pm(s)) at h = \(hidden)", s.mean >= threshold ? .holds : .doesNotHold)
    }

    static func minimumCapacity(_ r: Paper1Results, pair: DigitPair, threshold: Double, low: Int, high: Int) -> (String, Verdict) {
        let stats = Dictionary(grouping: r.capacity.filter { $0.spec.pair == pair }, by: \.spec.hidden).mapValues { Summary($0.map(\.heldOut.f1)) }
        guard !stats.isEmpty else { return ("no models for \(pair)", .untestable) }
        guard let first = stats.keys.sorted().first(where: { stats[$0]!.mean > threshold }) else {
            let best = stats.max { $0.value.mean < $1.value.mean }!
            return ("no size reaches \(f(threshold, 2)) (best: h = \(best.key), \(pm(best.value)))", .doesNotHold)
        }
        return ("first h with held-out F1 > \(f(threshold, 2)): \(first) (\(pm(stats[first]!)))", (low...high).contains(first) ? .holds : .doesNotHold)
    }

    static func bestLearningRate(_ r: Paper1Results, rate: Double) -> (String, Verdict) {
        let bySize = Dictionary(grouping: r.lrGrid, by: \.spec.hidden)
        guard !bySize.isEmpty else { return ("no learning-rate grid results", .untestable) }
        var misses: [String] = []
        for (h, records) in bySize.sorted(by: { $0.key < $1.key }) {
            let means = Dictionary(grouping: records, by: \.spec.learningRate).mapValues { Summary($0.map(\.heldOut.f1)).mean }
            let best = means.max { $0.value < $1.value }!.key
            if abs(best - rate) > 1e-12 { misses.append("h = \(h): \(RateLabel.text(best))") }
        }
        let hits = bySize.count - misses.count
        let text = "best at \(RateLabel.text(rate)) for \(hits) of \(bySize.count) sizes" + (misses.isEmpty ? "" : " (not \(misses.joined(separator: ", ")))")
        return (text, misses.isEmpty ? .holds : .doesNotHold)
    }

    /// The worst mean (over seeds) percent change of held-out F1 at `level`, over pairs and sizes, under each reading.
    static func pruningTolerance(_ r: Paper1Results, level: Double, tolerance: Double) -> (String, Verdict) {
        func worst(_ reading: MagnitudePruning.Reading) -> (Double, String)? {
            let rows = r.pruning.filter { $0.level == level && $0.reading == reading }
            let means = Dictionary(grouping: rows) { "\($0.pair) h = \($0.hidden)" }.mapValues { Summary($0.map(\.f1Change)).mean }
            return means.min { $0.value < $1.value }.map { ($0.value, $0.key) }
        }
        guard let correct = worst(.correct), let published = worst(.published) else { return ("no pruning results at \(Int(level)) %", .untestable) }
        let text = "worst mean F1 change: \(f(correct.0, 2)) % at \(Int(level)) % (\(correct.1)); \(f(published.0, 3)) % at \(f(level / 100, 2)) % as the code ran (\(published.1))"
        let okCorrect = correct.0 >= -tolerance, okPublished = published.0 >= -tolerance
        return (text, okCorrect ? .holds : okPublished ? holdsOnlyUnderPublishedPruning : .doesNotHold)
    }

    static func deadNeuronsZero(_ r: Paper1Results, source: String?) -> (String, Verdict) {
        let rows = r.deadNeurons.filter { source == nil || $0.case.source == source }
        guard !rows.isEmpty else { return ("no dead-neuron results", .untestable) }
        let before = rows.map(\.deadBefore).reduce(0, +), after = rows.map(\.deadAfter).reduce(0, +), afterPublished = rows.map(\.deadAfterPublished).reduce(0, +)
        let text = "\(before) dead before, \(after) after pruning (\(afterPublished) as the code pruned), over \(rows.count) models"
        return (text, before == 0 && after == 0 ? .holds : before == 0 && afterPublished == 0 ? holdsOnlyUnderPublishedPruning : .doesNotHold)
    }

    /// Cluster quality = leave-one-out 10-nearest-neighbour accuracy of the digit in the 2-D embedding.
    static func tsnePreserved(_ r: Paper1Results, tolerance: Double) -> (String, Verdict) {
        let panels = Dictionary(uniqueKeysWithValues: r.tsne.panels.map { ($0.name, $0.neighbourAccuracy) })
        guard let original = panels["original"], let pruned = panels["pruned"], let published = panels["pruned-published"] else {
            return ("no t-SNE results", .untestable)
        }
        let text = "10-NN accuracy in the embedding: \(f(original)) original, \(f(pruned)) pruned 95 %, \(f(published)) pruned as the code did"
        return (text, pruned >= original - tolerance ? .holds : published >= original - tolerance ? holdsOnlyUnderPublishedPruning : .doesNotHold)
    }

    static func gaussianOrder(_ r: Paper1Results, larger: Int, smaller: Int) -> (String, Verdict) {
        let gaussian = Paper1Summaries.gaussian(r)
        let sigmas = Array(Set(gaussian.values.flatMap(\.keys))).sorted()
        guard !sigmas.isEmpty else { return ("no Gaussian-noise results", .untestable) }
        func mean(_ h: Int, _ s: Double) -> Double { gaussian[h]?[s]?.mean ?? .nan }
        let gaps = sigmas.map { mean(larger, $0) - mean(smaller, $0) }
        let text = "F1(h = \(larger)) − F1(h = \(smaller)) at σ = \(sigmas.map { f($0, 1) }.joined(separator: ", ")): "
            + gaps.map { (($0 >= 0) ? "+" : "") + f($0) }.joined(separator: ", ")
        return (text, gaps.allSatisfy { $0 > 0 } ? .holds : .doesNotHold)
    }

    static func occlusionOrder(_ r: Paper1Results, sizes: [Int]) -> (String, Verdict) {
        guard !sizes.isEmpty else { return ("bad test: no sizes", .untestable) }
        let occlusion = Paper1Summaries.occlusion(r)
        let stats = sizes.map { occlusion[$0] ?? Summary([]) }
        guard stats.allSatisfy({ $0.count > 0 }) else { return ("no occlusion results", .untestable) }
        let text = zip(sizes, stats).map { "h = \($0): \(pm($1))" }.joined(separator: "; ")
        let ordered = zip(stats, stats.dropFirst()).allSatisfy { $0.mean > $1.mean }
        return (text, ordered ? .holds : .doesNotHold)
    }

    /// Correlation between the original and the pruned model's saliency map (ε = 0.1) of the same image,
    /// for each digit of the pair; it holds when every digit's reaches the threshold.
    static func saliencyPreserved(_ r: Paper1Results, threshold: Double) -> (String, Verdict) {
        guard let s = r.saliency.first(where: { $0.configuration.source == "paper" }) ?? r.saliency.first else {
            return ("no saliency results", .untestable)
        }
        let digits = SaliencyStudy.digits
        let pruned = digits.compactMap { s.correlationWithOriginal("pruned", digit: $0) }
        let published = digits.compactMap { s.correlationWithOriginal("pruned-published", digit: $0) }
        guard pruned.count == digits.count, published.count == digits.count else { return ("no saliency results", .untestable) }
        let text = "correlation with the original map: " + zip(digits, zip(pruned, published)).map {
            "digit \($0): \(f($1.0)) pruned 95 %, \(f($1.1)) pruned as the code did"
        }.joined(separator: "; ") + " (h = \(s.configuration.hidden))"
        return (text, pruned.min()! >= threshold ? .holds : published.min()! >= threshold ? holdsOnlyUnderPublishedPruning : .doesNotHold)
    }
}
