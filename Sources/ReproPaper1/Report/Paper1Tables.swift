import ReproSupport
import ReproData

/// Table 1 as the report shows it: one line per case, seeds listed in each cell.
enum Paper1Tables {
    static func tableOne(_ rows: [DeadNeuronStudy.Row]) -> String {
        var lines = ["<a id=\"figure-tab1\"></a>", "",
                     "| pair | h | level | rows of | dead before (per seed) | dead after p % | dead after p/100 % (code) |",
                     "|---|---|---|---|---|---|---|"]
        // The study's order: the paper's rows first.
        for c in DeadNeuronStudy.cases {
            let group = rows.filter { $0.case == c }
            guard !group.isEmpty else { continue }
            func list(_ k: KeyPath<DeadNeuronStudy.Row, Int>) -> String {
                group.map { "\($0[keyPath: k])" }.joined(separator: ", ")
            }
            lines.append("| \(c.pair) | \(c.hidden) | \(Int(c.level)) % | \(c.source) | \(list(\.deadBefore)) "
                         + "| \(list(\.deadAfter)) | \(list(\.deadAfterPublished)) |")
        }
        return lines.joined(separator: "\n")
    }
}
