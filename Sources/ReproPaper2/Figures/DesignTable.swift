import Foundation
import ReproExperiments
import ReproReport
import ReproSupport

/// The design of the three families as trained: per family and size, the kept share and
/// non-zeros per layer, epochs to stop (for a pruned net, its dense source's) and clean test
/// accuracy as mean ± std over seeds.
struct DesignTable {
    /// One family's networks of one size.
    struct Row {
        var family: Paper2Family
        var spec: ModelSpec
        var epochs: Summary
        var accuracy: Summary
        var seeds: [Int]
    }

    let rows: [Row]

    init(_ r: Paper2Results) {
        rows = Paper2Family.allCases.flatMap { family -> [Row] in
            let all = r.records[family] ?? []
            let groups = Dictionary(grouping: r.evaluatedRecords(family)) {
                NetworkSize(width: $0.spec.width, depth: $0.spec.depth)
            }
            return groups.keys.sorted { ($0.depth, $0.width) < ($1.depth, $1.width) }.map { size in
                let group = groups[size]!.sorted { $0.spec.seed < $1.spec.seed }
                let epochs = group.map { record -> Double in
                    let source = all.first { $0.key == record.spec.derivation?.source }
                    return Double((source ?? record).history.epochs)
                }
                return Row(family: family, spec: group[0].spec, epochs: Summary(epochs),
                           accuracy: Summary(group.compactMap { $0.evaluation["accuracy"] }),
                           seeds: group.map(\.spec.seed))
            }
        }
    }

    static let header = ["family", "width", "depth", "keep", "non-zeros per layer",
                         "non-zeros", "epochs to stop", "test accuracy", "seeds"]

    static func keep(_ spec: ModelSpec) -> String { String(format: "%.6g", spec.keepFraction) }

    func markdown() -> String {
        let lines = rows.map { row -> String in
            let cells = [row.family.rawValue, "\(row.spec.width)", "\(row.spec.depth)",
                         Self.keep(row.spec),
                         row.spec.keptPerLayer.map(String.init).joined(separator: " / "),
                         "\(row.spec.keptPerLayer.reduce(0, +))",
                         String(format: "%.1f", row.epochs.mean),
                         Digits.meanStd(row.accuracy, 4),
                         row.seeds.map(String.init).joined(separator: ", ")]
            return "| " + cells.joined(separator: " | ") + " |"
        }
        let note = "Per family and size: the share of weights kept, non-zero weights per layer "
            + "and in all, epochs until the stopping rule (mean over seeds; a pruned net's are "
            + "its dense source's) and clean test accuracy (mean ± std over seeds)."
        return ([note, "", "| " + Self.header.joined(separator: " | ") + " |",
                 "|" + Array(repeating: "---|", count: Self.header.count).joined()] + lines)
            .joined(separator: "\n") + "\n"
    }

    func csv() -> String {
        let header = "family,width,depth,keep,nnz_per_layer,nnz,epochs_mean,"
            + "test_accuracy_mean,test_accuracy_std,seeds"
        let lines = rows.map { row in
            [row.family.rawValue, "\(row.spec.width)", "\(row.spec.depth)", Self.keep(row.spec),
             row.spec.keptPerLayer.map(String.init).joined(separator: ";"),
             "\(row.spec.keptPerLayer.reduce(0, +))", String(format: "%.2f", row.epochs.mean),
             String(format: "%.5f", row.accuracy.mean), String(format: "%.5f", row.accuracy.std),
             row.seeds.map(String.init).joined(separator: ";")].joined(separator: ",")
        }
        return ([header] + lines).joined(separator: "\n") + "\n"
    }
}

/// Paper 2's report tables made here (the per-family result tables live with the plans).
public enum Paper2Tables {
    /// `design`: the families' design as trained.
    public static func design(_ r: Paper2Results) -> ReportTable {
        let table = DesignTable(r)
        return ReportTable(id: "design", markdown: table.markdown(), csv: table.csv())
    }
}
