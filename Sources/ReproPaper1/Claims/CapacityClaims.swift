import ReproData
import ReproExperiments
import ReproReport
import ReproSupport

/// Claims on the capacity sweep (Fig. 3): how large a model each pair needs, and how stable.
enum CapacityClaims {
    typealias C = Paper1ClaimChecker

    static func nearPerfect(_ r: Paper1Results, pair: DigitPair, hidden: Int, threshold: Double) -> ClaimMeasurement {
        guard let s = Paper1Summaries.capacityBySize(r, pair: pair, heldOut: false)[hidden] else { return ClaimMeasurement("no models for \(pair) h = \(hidden)", .untestable) }
        let statistic = ClaimStatistic("mean best F1 of \(pair) at h = \(hidden)", value: s.mean, holdsIn: .atLeast(threshold))
        return ClaimMeasurement("best F1 \(C.pm(s)) at h = \(hidden)", C.verdict(statistic), statistic: statistic)
    }

    static func minimum(_ r: Paper1Results, pair: DigitPair, threshold: Double, low: Int, high: Int) -> ClaimMeasurement {
        let stats = Paper1Summaries.capacityBySize(r, pair: pair)
        guard !stats.isEmpty else { return ClaimMeasurement("no models for \(pair)", .untestable) }
        let (sizes, index) = Paper1Summaries.criticalSize(stats, threshold: threshold)
        let statistic = ClaimStatistic("smallest h with held-out F1 > \(C.f(threshold, 2)) on \(pair)",
                                       value: index < sizes.count ? Double(sizes[index]) : .infinity,
                                       holdsIn: .between(Double(low), Double(high)), digits: 0)
        guard index < sizes.count else {
            let best = stats.max { $0.value.mean < $1.value.mean }!
            return ClaimMeasurement("no size reaches \(C.f(threshold, 2)) (best: h = \(best.key), \(C.pm(best.value)))",
                                    .doesNotHold, statistic: statistic)
        }
        return ClaimMeasurement("first h with held-out F1 > \(C.f(threshold, 2)): \(sizes[index]) (\(C.pm(stats[sizes[index]]!)))",
                                C.verdict(statistic), statistic: statistic)
    }

    /// The critical size never decreases along the pairs' order of difficulty.
    static func order(_ r: Paper1Results, pairs: [DigitPair], threshold: Double) -> ClaimMeasurement {
        var minima: [Double] = []
        for pair in pairs {
            let stats = Paper1Summaries.capacityBySize(r, pair: pair)
            guard !stats.isEmpty else { return ClaimMeasurement("no models for \(pair)", .untestable) }
            let (sizes, index) = Paper1Summaries.criticalSize(stats, threshold: threshold)
            minima.append(index < sizes.count ? Double(sizes[index]) : .infinity)
        }
        let decreases = zip(minima, minima.dropFirst()).filter { $1 < $0 }.count
        let statistic = ClaimStatistic("decreases of the smallest sufficient h along \(pairs.map(\.description).joined(separator: ", "))",
                                       value: Double(decreases), holdsIn: .atMost(0), digits: 0)
        let text = "smallest h with held-out F1 > \(C.f(threshold, 2)): "
            + zip(pairs, minima).map { "\($0) \($1.isInfinite ? "none" : String(Int($1)))" }.joined(separator: ", ")
        return ClaimMeasurement(text, C.verdict(statistic), statistic: statistic)
    }

    /// For each pair, the size whose held-out F1 varies most over seeds, against its critical size.
    static func instability(_ r: Paper1Results, threshold: Double, steps: Int) -> ClaimMeasurement {
        let pairs = orderedPairs(r.capacity.map(\.spec.pair))
        guard !pairs.isEmpty else { return ClaimMeasurement("no capacity results", .untestable) }
        var near = 0
        var parts: [String] = []
        for pair in pairs {
            let stats = Paper1Summaries.capacityBySize(r, pair: pair)
            let (sizes, index) = Paper1Summaries.criticalSize(stats, threshold: threshold)
            let peak = sizes.indices.max { stats[sizes[$0]]!.std < stats[sizes[$1]]!.std }!
            if abs(peak - index) <= steps { near += 1 }
            parts.append("\(pair) std peaks at h = \(sizes[peak]) (\(C.f(stats[sizes[peak]]!.std))), critical h = "
                         + (index < sizes.count ? "\(sizes[index])" : "none"))
        }
        let statistic = ClaimStatistic("pairs whose spread over seeds peaks within \(steps) size step\(steps == 1 ? "" : "s") of the critical size",
                                       value: Double(near), holdsIn: .atLeast(Double(pairs.count)), digits: 0)
        return ClaimMeasurement("\(near) of \(pairs.count) pairs: " + parts.joined(separator: "; "), C.verdict(statistic), statistic: statistic)
    }

    /// Fig. 3's best F1: the smaller model above the larger one.
    static func inversion(_ r: Paper1Results, pair: DigitPair, smaller: Int, larger: Int) -> ClaimMeasurement {
        let stats = Paper1Summaries.capacityBySize(r, pair: pair, heldOut: false)
        guard let a = stats[smaller], let b = stats[larger] else {
            return ClaimMeasurement("no models for \(pair) at h = \(smaller) and \(larger)", .untestable)
        }
        let statistic = ClaimStatistic("mean best F1 at h = \(smaller) minus h = \(larger) on \(pair)",
                                       value: a.mean - b.mean, holdsIn: .above(0), digits: 4)
        return ClaimMeasurement("best F1 h = \(smaller): \(C.pm(a, 4)), h = \(larger): \(C.pm(b, 4))",
                                C.verdict(statistic), statistic: statistic)
    }
}
