import ReproExperiments
import ReproRobustness

/// The queries every figure makes of the tidy evaluation rows.
extension Paper2Results {
    /// One family's rows of one evaluation, optionally of one setting.
    func rows(_ family: Paper2Family, _ evaluation: RobustnessEvaluation,
              setting: EvaluationSetting? = nil) -> [RobustnessRow] {
        robustness.filter { $0.family == family }.matching(evaluation, setting)
    }

    /// Whether the family has any evaluated values.
    func hasRows(_ family: Paper2Family) -> Bool {
        robustness.contains { $0.family == family }
    }

    /// The numeric settings (σ or ε) one family's evaluation has, in increasing order.
    func numericSettings(_ family: Paper2Family, _ evaluation: RobustnessEvaluation)
        -> [EvaluationSetting]
    {
        Array(Set(rows(family, evaluation).map(\.setting)))
            .filter { $0.number != nil }
            .sorted { ($0.number ?? 0) < ($1.number ?? 0) }
    }

    /// `preferred` if the evaluation has it, else its middle setting (nil if it has none).
    func setting(_ preferred: EvaluationSetting, _ family: Paper2Family,
                 _ evaluation: RobustnessEvaluation) -> EvaluationSetting? {
        let all = numericSettings(family, evaluation)
        return all.contains(preferred) ? preferred : all.isEmpty ? nil : all[all.count / 2]
    }

    /// The network sizes (width, depth) of a family's rows, densest first.
    func sizes(_ family: Paper2Family) -> [NetworkSize] {
        Array(Set(robustness.filter { $0.family == family }.map {
            NetworkSize(width: $0.width, depth: $0.depth)
        })).sorted { ($0.depth, $0.width) < ($1.depth, $1.width) }
    }

    /// The networks a family evaluates (the pruned copies for `pruned-width`).
    func evaluatedRecords(_ family: Paper2Family) -> [ModelRecord] {
        family.evaluated(records[family] ?? [])
    }
}

/// A network size: hidden width and number of hidden layers.
struct NetworkSize: Hashable {
    var width: Int
    var depth: Int

    init(width: Int, depth: Int) { self.width = width; self.depth = depth }
    init(_ row: RobustnessRow) { self.init(width: row.width, depth: row.depth) }
}

/// "n = 2 seeds" (or "n = 1–2 seeds" where some are missing) for a figure's title.
enum SeedNote {
    static func of(_ rows: [RobustnessRow]) -> String {
        let perPoint = Dictionary(grouping: rows) {
            "\($0.width)/\($0.depth)/\($0.evaluation.rawValue)/\($0.setting)"
        }.values.map { Set($0.map(\.seed)).count }
        guard let low = perPoint.min(), let high = perPoint.max() else { return "no data" }
        let range = low == high ? "\(high)" : "\(low)–\(high)"
        return "mean" + (high > 1 ? " ± std" : "") + " over n = \(range) seed"
            + (high == 1 ? "" : "s")
    }
}
