import ReproNN
import ReproReport
import ReproSupport

/// Claims on the analyses of trained models: t-SNE (Fig. 5), corruption (Figs. 6–7), saliency (Fig. 8).
enum AnalysisClaims {
    typealias C = Paper1ClaimChecker

    /// Cluster quality = leave-one-out 10-nearest-neighbour accuracy of the digit in the 2-D
    /// embedding; the statistic is its mean change from the original to the 95 %-pruned model
    /// over seeds (one embedding per seed and model).
    static func tsnePreserved(_ r: Paper1Results, tolerance: Double) -> ClaimMeasurement {
        let means = Summary.grouped(r.tsneSeeds, by: \.name) { $0.neighbourAccuracy }.mapValues(\.mean)
        guard let original = means["original"], let pruned = means["pruned"], let published = means["pruned-published"] else {
            return ClaimMeasurement("no t-SNE results", .untestable)
        }
        let seeds = Set(r.tsneSeeds.map(\.seed)).count
        let statistic = ClaimStatistic("mean change of the 10-NN accuracy in the embedding, 95 % pruned minus original",
                                       value: pruned - original, holdsIn: .atLeast(-tolerance))
        let text = "10-NN accuracy in the embedding: \(C.f(original)) original, \(C.f(pruned)) pruned 95 %, \(C.f(published)) pruned as the code did"
            + (seeds > 1 ? " (mean over \(seeds) seeds)" : "")
        let verdict: Verdict = pruned >= original - tolerance ? .holds : published >= original - tolerance ? C.holdsOnlyUnderPublishedPruning : .doesNotHold
        return ClaimMeasurement(text, verdict, statistic: statistic)
    }

    static func gaussianOrder(_ r: Paper1Results, larger: Int, smaller: Int) -> ClaimMeasurement {
        let gaussian = Paper1Summaries.gaussian(r)
        let sigmas = Array(Set(gaussian.values.flatMap(\.keys))).sorted()
        guard !sigmas.isEmpty, gaussian[larger] != nil, gaussian[smaller] != nil else {
            return ClaimMeasurement("no Gaussian-noise results for h = \(larger) and \(smaller)", .untestable)
        }
        func mean(_ h: Int, _ s: Double) -> Double { gaussian[h]?[s]?.mean ?? .nan }
        let gaps = sigmas.map { mean(larger, $0) - mean(smaller, $0) }
        let statistic = ClaimStatistic("smallest gap F1(h = \(larger)) − F1(h = \(smaller)) over σ", value: gaps.min()!, holdsIn: .above(0))
        let text = "F1(h = \(larger)) − F1(h = \(smaller)) at σ = \(sigmas.map { C.f($0, 1) }.joined(separator: ", ")): "
            + gaps.map { C.signed($0) }.joined(separator: ", ")
        return ClaimMeasurement(text, C.verdict(statistic), statistic: statistic)
    }

    static func occlusionOrder(_ r: Paper1Results, sizes: [Int]) -> ClaimMeasurement {
        guard sizes.count >= 2 else { return ClaimMeasurement("bad test: give at least two sizes", .untestable) }
        let occlusion = Paper1Summaries.occlusion(r)
        let stats = sizes.map { occlusion[$0] ?? Summary([]) }
        guard stats.allSatisfy({ $0.count > 0 }) else { return ClaimMeasurement("no occlusion results", .untestable) }
        let gaps = zip(stats, stats.dropFirst()).map { $0.mean - $1.mean }
        let statistic = ClaimStatistic("smallest gap between neighbours in the order", value: gaps.min()!, holdsIn: .above(0), digits: 4)
        let text = zip(sizes, stats).map { "h = \($0): \(C.pm($1))" }.joined(separator: "; ")
        return ClaimMeasurement(text, C.verdict(statistic), statistic: statistic)
    }

    /// Correlation between the original and the pruned model's saliency map (ε = 0.1) of the same
    /// image, for each digit of the pair; it holds when every digit's reaches the threshold. One
    /// model's maps: no statistic to resample.
    static func saliencyPreserved(_ r: Paper1Results, threshold: Double) -> ClaimMeasurement {
        guard let s = r.saliency.first(where: { $0.configuration.source == "paper" }) ?? r.saliency.first else {
            return ClaimMeasurement("no saliency results", .untestable)
        }
        let digits = SaliencyStudy.digits
        let pruned = digits.compactMap { s.correlationWithOriginal("pruned", digit: $0) }
        let published = digits.compactMap { s.correlationWithOriginal("pruned-published", digit: $0) }
        guard pruned.count == digits.count, published.count == digits.count else { return ClaimMeasurement("no saliency results", .untestable) }
        let text = "correlation with the original map: " + zip(digits, zip(pruned, published)).map {
            "digit \($0): \(C.f($1.0)) pruned 95 %, \(C.f($1.1)) pruned as the code did"
        }.joined(separator: "; ") + " (h = \(s.configuration.hidden))"
        return ClaimMeasurement(text, pruned.min()! >= threshold ? .holds : published.min()! >= threshold ? C.holdsOnlyUnderPublishedPruning : .doesNotHold)
    }

    /// Mean (over seeds) of the per-image ratio of saliency mass on stroke pixels to their share
    /// of the pixels, for the original and the 95 %-pruned model; the smaller of the two decides.
    static func saliencyOnStrokes(_ r: Paper1Results, ratio: Double) -> ClaimMeasurement {
        let models = ["original", "pruned"]
        let byModel = Summary.grouped(r.saliencyConcentration.filter { models.contains($0.model) }, by: \.model) { $0.ratio }
        guard models.allSatisfy({ byModel[$0] != nil }) else { return ClaimMeasurement("no saliency-concentration results", .untestable) }
        let share = Summary.grouped(r.saliencyConcentration, by: \.model) { $0.massShare }
        let pixels = Summary.grouped(r.saliencyConcentration, by: \.model) { $0.pixelShare }
        let statistic = ClaimStatistic("saliency share on strokes over their pixel share, the smaller of the two models",
                                       value: models.map { byModel[$0]!.mean }.min()!, holdsIn: .atLeast(ratio), digits: 2)
        let text = models.map { m in
            "\(m == "pruned" ? "pruned 95 %" : m): \(C.f(share[m]!.mean)) of the saliency on \(C.f(pixels[m]!.mean)) of the pixels "
                + "(ratio \(C.pm(byModel[m]!, 2)))"
        }.joined(separator: "; ") + " (h = \(SaliencyConcentration.hidden), correctly classified held-out images)"
        return ClaimMeasurement(text, C.verdict(statistic), statistic: statistic)
    }
}
