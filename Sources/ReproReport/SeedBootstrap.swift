import ReproSupport

/// A percentile bootstrap over seeds: the seeds are drawn with replacement, the statistic is
/// recomputed on each draw (a seed drawn twice counts twice), and the interval is cut from the
/// sorted values. The draws come from a stream named by `purpose`, so the same claim gets the
/// same interval every time.
public struct SeedBootstrap: Sendable {
    public var resamples: Int
    public var confidence: Double

    public init(resamples: Int = 1000, confidence: Double = 0.95) {
        self.resamples = resamples
        self.confidence = confidence
    }

    /// The interval of `statistic` over resampled `seeds`, or nil when there are fewer than two
    /// seeds or the statistic is undefined on more than a tenth of the draws.
    public func interval(seeds: [Int], purpose: String = "",
                         _ statistic: ([Int]) -> Double) -> ClosedRange<Double>? {
        guard seeds.count >= 2, resamples > 0 else { return nil }
        var rng = RandomStream(seed: 0, "seed-bootstrap", purpose)
        var values: [Double] = []
        values.reserveCapacity(resamples)
        for _ in 0..<resamples {
            let draw = (0..<seeds.count).map { _ in seeds[rng.nextInt(below: seeds.count)] }
            let value = statistic(draw)
            if !value.isNaN { values.append(value) }
        }
        guard values.count * 10 >= resamples * 9 else { return nil }
        values.sort()
        let tail = (1 - confidence) / 2
        let low = Int((tail * Double(values.count)).rounded(.down))
        let high = min(values.count - 1, Int(((1 - tail) * Double(values.count)).rounded(.up)) - 1)
        return values[low]...values[max(low, high)]
    }
}

extension SeedBootstrap {
    /// The interval of the mean of one value per seed (the seeds are the dictionary's keys).
    public func intervalOfMean(_ valueBySeed: [Int: Double], purpose: String) -> ClosedRange<Double>? {
        let seeds = valueBySeed.keys.sorted()
        return interval(seeds: seeds, purpose: purpose) { draw in
            draw.reduce(0) { $0 + valueBySeed[$1]! } / Double(draw.count)
        }
    }
}
