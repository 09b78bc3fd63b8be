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
                         "non-zeros", "multiply-adds per image", "epochs to stop",
                         "test accuracy", "seeds"]

    static func keep(_ spec: ModelSpec) -> String { String(format: "%.6g", spec.keepFraction) }

    /// Non-zeros per layer joined by `separator`: an MLP's per layer; a CNN's per kind of layer
    /// ("3×3 conv 575504", "1×1 conv 1280", "linear 640"), its layers being many.
    static func perLayer(_ spec: ModelSpec, separator: String) -> String {
        guard let architecture = spec.architecture,
              let layers = try? architecture.weightLayers() else {
            return spec.keptPerLayer.map(String.init).joined(separator: separator)
        }
        var kinds: [String] = [], totals: [String: Int] = [:]
        for (layer, kept) in zip(layers, spec.keptPerLayer) {
            let kind = layer.shape.count == 4 ? "\(layer.shape[2])×\(layer.shape[3]) conv" : "linear"
            if totals[kind] == nil { kinds.append(kind) }
            totals[kind, default: 0] += kept
        }
        return kinds.map { "\($0) \(totals[$0] ?? 0)" }.joined(separator: separator)
    }

    /// Multiply-adds of one image's forward pass through the kept weights.
    static func multiplyAdds(_ spec: ModelSpec) -> Int {
        guard let architecture = spec.architecture else { return spec.keptPerLayer.reduce(0, +) }
        return (try? architecture.multiplyAdds(kept: spec.keptPerLayer)) ?? 0
    }

    func markdown() -> String {
        let lines = rows.map { row -> String in
            let cells = [row.family.rawValue, "\(row.spec.width)", "\(row.spec.depth)",
                         Self.keep(row.spec), Self.perLayer(row.spec, separator: " / "),
                         "\(row.spec.keptPerLayer.reduce(0, +))", "\(Self.multiplyAdds(row.spec))",
                         String(format: "%.1f", row.epochs.mean),
                         Digits.meanStd(row.accuracy, 4),
                         row.seeds.map(String.init).joined(separator: ", ")]
            return "| " + cells.joined(separator: " | ") + " |"
        }
        let note = "Per family and size: the share of weights kept, non-zero weights per layer "
            + "(per kind of layer for the CNNs) and in all, the multiply-adds of one image's "
            + "forward pass through them, epochs until the stopping rule (mean over seeds; a pruned net's are "
            + "its dense source's) and clean test accuracy (mean ± std over seeds)."
        return ([note, "", "| " + Self.header.joined(separator: " | ") + " |",
                 "|" + Array(repeating: "---|", count: Self.header.count).joined()] + lines)
            .joined(separator: "\n") + "\n"
    }

    func csv() -> String {
        let header = "family,width,depth,keep,nnz_per_layer,nnz,multiply_adds,epochs_mean,"
            + "test_accuracy_mean,test_accuracy_std,seeds"
        let lines = rows.map { row in
            [row.family.rawValue, "\(row.spec.width)", "\(row.spec.depth)", Self.keep(row.spec),
             Self.perLayer(row.spec, separator: ";"),
             "\(row.spec.keptPerLayer.reduce(0, +))", "\(Self.multiplyAdds(row.spec))",
             String(format: "%.2f", row.epochs.mean),
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
