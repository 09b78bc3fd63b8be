import ReproSupport
import Foundation
import ReproExperiments

/// Table 1 as Markdown and CSV: dead hidden units before and after pruning, per seed.
enum DeadNeuronTable {
    static func markdown(_ rows: [DeadNeuronStudy.Row]) -> String {
        var lines = ["| pair | hidden size | level | rows from | seed | dead (original) | dead after p % pruned | dead after p/100 % pruned (code) |",
                     "|---|---|---|---|---|---|---|---|"]
        for r in rows {
            lines.append("| \(r.case.pair) | \(r.case.hidden) | \(Int(r.case.level)) % | \(r.case.source) | \(r.seed) | \(r.deadBefore) | \(r.deadAfter) | \(r.deadAfterPublished) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func csv(_ rows: [DeadNeuronStudy.Row]) -> String {
        (["pair,hidden,level,source,seed,dead_before,dead_after,dead_after_published"] + rows.map { r in
            "\(r.case.pair),\(r.case.hidden),\(Int(r.case.level)),\(r.case.source),\(r.seed),\(r.deadBefore),\(r.deadAfter),\(r.deadAfterPublished)"
        }).joined(separator: "\n") + "\n"
    }
}
