import Foundation
import ReproExperiments
import ReproSupport

/// One row per network, as `repro results sparse-width|sparse-depth|pruned-width` prints it.
public struct Paper2ResultTable {
    public let records: [ModelRecord]
    public let family: Paper2Family

    public init(records: [ModelRecord], family: Paper2Family) {
        self.records = records
        self.family = family
    }

    public static let header = ["family", "architecture", "width", "depth", "keep", "nnz", "seed",
                                "epochs",
                                "stop", "final_train_loss", "test_accuracy", "test_loss",
                                "min_class_recall", "train_seconds"]

    /// The pruned family's rows are its pruned networks (the dense ones they come from are kept in
    /// the store).
    var rows: [ModelRecord] { family.evaluated(records) }

    func cells(_ r: ModelRecord) -> [String] {
        let source = family.role == .pruned
            ? records.first { $0.key == r.spec.derivation?.source } : r
        let history = source?.history ?? r.history
        return [family.rawValue, r.spec.architecture?.name ?? "mlp", "\(r.spec.width)",
                "\(r.spec.depth)",
                String(format: "%.6f", r.spec.keepFraction),
                "\(r.spec.keptPerLayer.reduce(0, +))", "\(r.spec.seed)", "\(history.epochs)",
                Self.stopCode(history.stop), String(format: "%.5f", history.finalLoss),
                String(format: "%.4f", r.evaluation["accuracy"] ?? .nan),
                String(format: "%.4f", r.evaluation["loss"] ?? .nan),
                String(format: "%.4f", r.evaluation["minClassRecall"] ?? .nan),
                String(format: "%.1f", source?.batchSeconds ?? r.batchSeconds)]
    }

    /// "loss" (the stopping rule fired) or "max-epochs".
    static func stopCode(_ stop: String?) -> String {
        guard let stop else { return "" }
        return stop.hasPrefix("loss") ? "loss" : stop.hasPrefix("max") ? "max-epochs"
            : stop.hasPrefix("diverged") ? "diverged" : "pruned"
    }

    public func csv() -> String {
        ([Self.header] + rows.map(cells))
            .map { $0.joined(separator: ",") }
            .joined(separator: "\n") + "\n"
    }

    /// The rows, then test accuracy and epochs to stop as mean ± std over seeds per size.
    public func report() -> String {
        let text = TextTable.render(header: Self.header, rows: rows.map(cells))
        let sizes = Array(Set(rows.map { family.role == .depth ? $0.spec.depth : $0.spec.width }))
            .sorted()
        let summary = sizes.map { size -> [String] in
            let group = rows.filter {
                (family.role == .depth ? $0.spec.depth : $0.spec.width) == size
            }
            let accuracy = Summary(group.compactMap { $0.evaluation["accuracy"] })
            let recall = Summary(group.compactMap { $0.evaluation["minClassRecall"] })
            let epochs = Summary(group.map { r in
                Double((records.first { $0.key == r.spec.derivation?.source } ?? r).history.epochs)
            })
            return ["\(size)", String(format: "%.5f", group.first?.spec.keepFraction ?? .nan),
                    Digits.meanStd(accuracy, 4), Digits.meanStd(recall, 4),
                    Digits.meanStd(epochs, 1), "\(group.count)"]
        }
        let title = "Test accuracy, minimum class recall and epochs to stop, mean ± std over seeds"
        let header = [family.role == .depth ? "depth" : "width", "keep", "test_accuracy",
                      "min_class_recall", "epochs", "seeds"]
        return text + "\n" + title + "\n" + TextTable.render(header: header, rows: summary)
    }
}
