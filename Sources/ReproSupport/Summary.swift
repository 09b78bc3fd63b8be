/// Mean and population standard deviation (divisor n, NumPy's default `np.std`), as the published
/// figures compute their error bars over seeds.
public struct Summary: Equatable, Sendable {
    public let mean: Double
    public let std: Double
    public let count: Int

    public init(_ values: [Double]) {
        count = values.count
        mean = values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
        let m = mean
        std = values.isEmpty
            ? .nan
            : (values.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(values.count)).squareRoot()
    }

    /// Mean ± std over the items of each group.
    public static func grouped<T, G: Hashable>(
        _ items: [T], by group: (T) -> G, _ value: (T) -> Double
    ) -> [G: Summary] {
        Dictionary(grouping: items, by: group).mapValues { Summary($0.map(value)) }
    }
}
