import ReproExperiments
import ReproSupport

/// The learning-rate grid's script is not published, so its draw order is a hypothesis. Each
/// hypothesis replayed (`repro run lr-grid --rng numpy --lr-grid-order …`) is set against the
/// published heatmap: cells whose mean over seeds prints as the published value at two decimals,
/// the mean absolute difference, and the best single seed.
enum LRGridHypotheses {
    static let schemes: [ReplayScheme] = [.sizesThenRates, .ratesThenSizes, .freshPerModel]

    /// The records of each hypothesis that has been replayed, in ``schemes`` order.
    static func replayed(_ base: Paper1Plan,
                         runner: ExperimentRunner) -> [(ReplayScheme, [ModelRecord])] {
        schemes.compactMap { scheme in
            var plan = base.drawing(.numpy)
            plan.replay = scheme
            guard let records = try? runner.records(plan) else { return nil }
            return (scheme, records)
        }
    }

    /// Template rows, and the name of the best-matching hypothesis (most agreeing cells).
    static func values(_ grids: [(ReplayScheme, [ModelRecord])],
                       published: Paper1Published.Heatmap) -> [String: Any] {
        let rows = grids.map { scheme, records -> (row: [String: Any], agree: Int) in
            let all = published.agreeing(records)
            let seeds = Array(Set(records.map(\.spec.seed))).sorted()
            let perSeed = seeds.map { seed in
                (seed, published.agreeing(records.filter { $0.spec.seed == seed }))
            }
            let best = perSeed.max { $0.1.agree < $1.1.agree }
            return (["order": name(scheme), "seeds": seeds.map(String.init)
                        .joined(separator: ", "),
                     "agree": "\(all.agree) of \(all.cells)",
                     "meanAbsDiff": Digits.fixed(all.meanAbs, 3),
                     "bestSeed": best.map { "seed \($0.0): \($0.1.agree) of \($0.1.cells)" } ?? "–",
                     "exact": all.agree == all.cells && all.cells > 0], all.agree)
        }
        let best = rows.max { $0.agree < $1.agree }
        return ["available": !rows.isEmpty, "rows": rows.map(\.row),
                "best": best.map { $0.row["order"] as? String ?? "" } ?? "",
                "explained": rows.contains { ($0.row["exact"] as? Bool) == true }]
    }

    static func name(_ scheme: ReplayScheme) -> String {
        switch scheme {
        case .sizesThenRates: return "seed once, then sizes × learning rates"
        case .ratesThenSizes: return "seed once, then learning rates × sizes"
        case .freshPerModel: return "np.random.seed(seed) before every model"
        case .trainPy: return "train.py"
        }
    }
}
