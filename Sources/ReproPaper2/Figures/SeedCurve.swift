import ReproSupport

/// One line of a figure: at each x (a size or a σ) the mean and std over seeds of a measured
/// value. Non-finite values and items without an x are skipped, so a missing seed or setting
/// only thins a point out, and an x with no value has no point at all.
struct SeedCurve: Equatable {
    var x: [Double] = []
    var mean: [Double] = []
    var std: [Double] = []
    /// How many values (seeds) each point averages.
    var counts: [Int] = []

    init<T>(_ items: [T], x: (T) -> Double?, value: (T) -> Double?) {
        var groups: [Double: [Double]] = [:]
        for item in items {
            guard let position = x(item), position.isFinite,
                  let v = value(item), v.isFinite else { continue }
            groups[position, default: []].append(v)
        }
        for position in groups.keys.sorted() {
            let summary = Summary(groups[position]!)
            self.x.append(position)
            mean.append(summary.mean)
            std.append(summary.std)
            counts.append(summary.count)
        }
    }

    var isEmpty: Bool { x.isEmpty }

    /// Whether some point averages several seeds; with one seed there is no band to draw.
    var hasSpread: Bool { counts.contains { $0 > 1 } }

    /// The mean at `x`, if there is a point there.
    func mean(at position: Double) -> Double? {
        x.firstIndex(of: position).map { mean[$0] }
    }
}
