import ReproPlot
import ReproReport
import ReproSupport

/// The extended-seed evidence drawn into the figures that carry a claim (Figs. 3, 6, 7): the 95 %
/// bootstrap interval of the mean over the extended seeds, beside the paper's seeds' mean ± std.
struct ExtendedSeedBands {
    let seedCount: Int
    let bootstrap = SeedBootstrap()

    /// Nil when the results hold no seeds beyond the paper's.
    init?(_ full: Paper1Results) {
        guard full.extendedSeeds.count > full.paperSeeds.count else { return nil }
        seedCount = full.extendedSeeds.count
    }

    var label: String { "95 % interval of the mean, \(seedCount) seeds" }

    /// For each x, the interval of the mean of its values over seeds.
    func intervals<T>(_ items: [T], x: (T) -> Double, seed: (T) -> Int, value: (T) -> Double,
                      purpose: String) -> [(x: Double, interval: ClosedRange<Double>)] {
        let groups = Dictionary(grouping: items, by: x)
        return groups.keys.sorted().compactMap { key in
            var bySeed: [Int: Double] = [:]
            for item in groups[key]! { bySeed[seed(item)] = value(item) }
            return bootstrap.intervalOfMean(bySeed, purpose: "\(purpose)|\(key)").map { (key, $0) }
        }
    }

    /// A shaded band through the intervals, in the series' colour; the first one is labelled.
    func band(_ intervals: [(x: Double, interval: ClosedRange<Double>)], color: Color, labelled: Bool) -> Series {
        .band(BandSeries(x: intervals.map(\.x), lower: intervals.map(\.interval.lowerBound),
                         upper: intervals.map(\.interval.upperBound), color: color, opacity: 0.18,
                         label: labelled ? label : nil))
    }
}
