/// Paper 1's published numbers (`paper/paper1/published.json`), read off its figures and text:
/// the one place they are stated; figures, tables and claims all read them from here.
public struct Paper1Published: Codable, Sendable {
    public struct Heatmap: Codable, Sendable {
        public var hiddenSizes: [Int]
        public var learningRates: [Double]
        public var f1: [[Double]]
    }

    public struct Gaussian: Codable, Sendable {
        public var sigmas: [Double]
        /// Published F1 per hidden size (as a string key, "24") at each σ.
        public var f1: [String: [Double]]

        public func curve(hidden: Int) -> [Double]? { f1["\(hidden)"] }
        public var hiddenSizes: [Int] { f1.keys.compactMap { Int($0) }.sorted() }
    }

    public struct Occlusion: Codable, Sendable {
        public var f1: [String: Double]
        public func value(hidden: Int) -> Double? { f1["\(hidden)"] }
    }

    public var heatmap: Heatmap
    public var gaussian: Gaussian
    public var occlusion: Occlusion
}
