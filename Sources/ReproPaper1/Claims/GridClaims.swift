import ReproExperiments
import ReproReport
import ReproSupport

/// Claims on the learning-rate grid (Figs. 1–2).
enum GridClaims {
    typealias C = Paper1ClaimChecker

    /// Mean held-out F1 per hidden size and learning rate (the heatmap of Fig. 2).
    static func means(_ r: Paper1Results) -> [Int: [Double: Double]] {
        let (sizes, rates, values) = Paper1Summaries.heatmap(r)
        return Dictionary(uniqueKeysWithValues: sizes.enumerated().map { i, h in
            (h, Dictionary(uniqueKeysWithValues: zip(rates, values[i]).filter { !$0.1.isNaN }))
        })
    }

    static func bestLearningRate(_ r: Paper1Results, rate: Double) -> ClaimMeasurement {
        let bySize = means(r)
        guard !bySize.isEmpty else { return ClaimMeasurement("no learning-rate grid results", .untestable) }
        var misses: [String] = []
        for (h, rates) in bySize.sorted(by: { $0.key < $1.key }) {
            let best = rates.max { $0.value < $1.value }!.key
            if abs(best - rate) > 1e-12 { misses.append("h = \(h): \(RateLabel.text(best))") }
        }
        let hits = bySize.count - misses.count
        let statistic = ClaimStatistic("sizes whose best mean F1 is at \(RateLabel.text(rate))", value: Double(hits),
                                       holdsIn: .atLeast(Double(bySize.count)), digits: 0)
        let text = "best at \(RateLabel.text(rate)) for \(hits) of \(bySize.count) sizes" + (misses.isEmpty ? "" : " (not \(misses.joined(separator: ", ")))")
        return ClaimMeasurement(text, C.verdict(statistic), statistic: statistic)
    }

    /// The best rate's mean F1 per size: the doubling past the knee gains less than the one before.
    static func diminishingGains(_ r: Paper1Results, from: Int, knee: Int, top: Int) -> ClaimMeasurement {
        let best = means(r).mapValues { $0.values.max() ?? .nan }
        guard let a = best[from], let b = best[knee], let c = best[top] else {
            return ClaimMeasurement("no grid results at h = \(from), \(knee) and \(top)", .untestable)
        }
        let statistic = ClaimStatistic("gain \(knee) → \(top) minus gain \(from) → \(knee) (best rate's mean F1)",
                                       value: (c - b) - (b - a), holdsIn: .below(0), digits: 4)
        let text = "best mean held-out F1 over rates: h = \(from) \(C.f(a, 4)), \(knee) \(C.f(b, 4)), \(top) \(C.f(c, 4)) "
            + "(gains \(C.signed(b - a, 4)), then \(C.signed(c - b, 4)))"
        return ClaimMeasurement(text, C.verdict(statistic), statistic: statistic)
    }
}
