import Foundation
import ReproExperiments
import ReproSupport

/// `repro status`: per paper and part, how many networks and evaluations are stored, claimed by
/// a running process (a held lock file) and missing, and the estimated core-hours left.
public struct StatusReport {
    public var rows: [PartSummary]
    /// Per stage, the part rows it holds (for the stage column).
    public var stageOfRow: [Int]

    public init(work: ReportWork, runner: (String) -> ExperimentRunner) throws {
        rows = []
        stageOfRow = []
        for (index, parts) in try work.stages().enumerated() {
            for part in parts {
                rows.append(PartSummary(part, progress: part.progress(runner(part.paper))))
                stageOfRow.append(index + 1)
            }
        }
    }

    public var remainingSeconds: Double { rows.map(\.remainingSeconds).reduce(0, +) }
    public var isComplete: Bool { rows.allSatisfy { $0.claimed == 0 && $0.missing == 0 } }

    /// The table, papers in order, one line per part.
    public func text(analysesNote: Bool) -> String {
        var lines: [String] = []
        let header = ["paper", "stage", "part", "unit", "stored", "claimed", "missing", "left (est.)"]
        var table: [[String]] = [header]
        let order = rows.indices.sorted { (rows[$0].paper, stageOfRow[$0]) < (rows[$1].paper, stageOfRow[$1]) }
        for i in order {
            let r = rows[i]
            table.append([r.paper, "\(stageOfRow[i])", r.name, r.unit, "\(r.stored)/\(r.total)",
                          "\(r.claimed)", "\(r.missing)",
                          r.remainingSeconds == 0 ? "-" : CostModel.text(r.remainingSeconds)])
        }
        let widths = header.indices.map { c in table.map { $0[c].count }.max() ?? 0 }
        for row in table {
            lines.append(row.indices.map { c in
                c >= 4 ? String(repeating: " ", count: widths[c] - row[c].count) + row[c]
                    : row[c] + String(repeating: " ", count: widths[c] - row[c].count)
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces))
        }
        lines.append("left: about \(CostModel.text(remainingSeconds)) of compute (declared per-epoch "
                     + "costs × the epochs a stored twin of another seed ran, else the most epochs: "
                     + "then an upper bound)")
        if analysesNote {
            lines.append("paper1's other analyses (pruning, the figure's t-SNE, saliency …) are "
                         + "computed by `repro build-report` (on Slurm: the report job), not counted above")
        }
        return lines.joined(separator: "\n")
    }
}
