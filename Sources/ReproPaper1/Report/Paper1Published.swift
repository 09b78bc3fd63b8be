import ReproExperiments

/// Paper 1's published numbers (`paper/paper1/published.json`), read off its figures and text:
/// the one place they are stated; figures, tables and claims all read them from here.
public struct Paper1Published: Codable, Sendable {
    public struct Heatmap: Codable, Sendable {
        public var hiddenSizes: [Int]
        public var learningRates: [Double]
        public var f1: [[Double]]

        /// Per cell both grids have: mean held-out F1 of `records` minus the published value.
        func differences(_ records: [ModelRecord]) -> [(value: Double, hidden: Int, rate: Double)] {
            let ours = TrainingFigures.gridMatrix(records)
            var differences: [(value: Double, hidden: Int, rate: Double)] = []
            for (i, h) in ours.sizes.enumerated() {
                guard let pi = hiddenSizes.firstIndex(of: h) else { continue }
                for (j, lr) in ours.rates.enumerated() {
                    guard let pj = learningRates.firstIndex(where: { abs($0 - lr) < 1e-12 })
                    else { continue }
                    differences.append((ours.values[i][j] - f1[pi][pj], h, lr))
                }
            }
            return differences
        }

        /// Cells whose mean held-out F1 prints as the published value at two decimals.
        func agreeing(_ records: [ModelRecord]) -> (agree: Int, cells: Int, meanAbs: Double) {
            let d = differences(records)
            let agree = zip(d, d.map { cell -> Bool in
                guard let pi = hiddenSizes.firstIndex(of: cell.hidden),
                      let pj = learningRates.firstIndex(where: { abs($0 - cell.rate) < 1e-12 })
                else { return false }
                let published = f1[pi][pj]
                return ((published + cell.value) * 100).rounded() == (published * 100).rounded()
            }).filter(\.1).count
            return (agree, d.count, d.map { abs($0.value) }.reduce(0, +) / Double(max(d.count, 1)))
        }
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
