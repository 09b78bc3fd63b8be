import ReproNN
import ReproReport
import ReproSupport

/// Claims on the analyses of trained models: t-SNE (Fig. 5), corruption (Figs. 6–7), saliency (Fig. 8).
enum AnalysisClaims {
    typealias C = Paper1ClaimChecker

    /// Cluster quality = leave-one-out 10-nearest-neighbour accuracy of the digit in the 2-D
    /// embedding. One model: no statistic to resample.
    static func tsnePreserved(_ r: Paper1Results, tolerance: Double) -> ClaimMeasurement {
        let panels = Dictionary(uniqueKeysWithValues: r.tsne.panels.map { ($0.name, $0.neighbourAccuracy) })
        guard let original = panels["original"], let pruned = panels["pruned"], let published = panels["pruned-published"] else {
            return ClaimMeasurement("no t-SNE results", .untestable)
        }
        let text = "10-NN accuracy in the embedding: \(C.f(original)) original, \(C.f(pruned)) pruned 95 %, \(C.f(published)) pruned as the code did"
        return ClaimMeasurement(text, pruned >= original - tolerance ? .holds : published >= original - tolerance ? C.holdsOnlyUnderPublishedPruning : .doesNotHold)
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
    /// image. One image of one model: no statistic to resample.
    static func saliencyPreserved(_ r: Paper1Results, threshold: Double) -> ClaimMeasurement {
        guard let s = r.saliency.first(where: { $0.configuration.source == "paper" }) ?? r.saliency.first,
              let original = s.maps.first(where: { $0.model == "original" }), let pruned = s.maps.first(where: { $0.model == "pruned" }),
              let published = s.maps.first(where: { $0.model == "pruned-published" }) else { return ClaimMeasurement("no saliency results", .untestable) }
        let c = Saliency.correlation(original.fdCode, pruned.fdCode), cp = Saliency.correlation(original.fdCode, published.fdCode)
        let text = "correlation with the original map: \(C.f(c)) pruned 95 %, \(C.f(cp)) pruned as the code did (h = \(s.configuration.hidden))"
        return ClaimMeasurement(text, c >= threshold ? .holds : cp >= threshold ? C.holdsOnlyUnderPublishedPruning : .doesNotHold)
    }

    static func saliencyOnStrokes(_ r: Paper1Results, ratio: Double) -> ClaimMeasurement {
        ClaimMeasurement("no saliency-concentration results", .untestable)
    }
}
