import Foundation
import ReproExperiments
import ReproSupport

/// One row per trained paper-1 model, as `repro results` prints it.
public struct Paper1ResultTable {
    public let records: [ModelRecord]
    public let showLearningRate: Bool

    public init(records: [ModelRecord], showLearningRate: Bool) {
        self.records = records
        self.showLearningRate = showLearningRate
    }

    public var header: [String] {
        ["pair", "hidden", "seed"] + (showLearningRate ? ["lr"] : []) + ["best_train_f1", "final_train_loss", "heldout_f1", "heldout_auc"]
    }

    public var rows: [[String]] {
        records.map { r in
            [r.spec.pair.description, "\(r.spec.hidden)", "\(r.spec.seed)"]
                + (showLearningRate ? [RateLabel.text(r.spec.learningRate)] : [])
                + [r.bestTrainF1, r.finalTrainLoss, r.heldOut.f1, r.heldOut.auc].map { String(format: "%.4f", $0) }
        }
    }

    public func csv() -> String {
        ([header] + rows).map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    public func text() -> String { TextTable.render(header: header, rows: rows) }

    /// Mean ± std over seeds of `metric`, rows = hidden size, columns = `column` (pair or lr).
    public func summary(title: String, metric: (ModelRecord) -> Double) -> String {
        let columnKey: (ModelRecord) -> String = showLearningRate ? { RateLabel.text($0.spec.learningRate) } : { $0.spec.pair.description }
        var columns: [String] = []
        for r in records where !columns.contains(columnKey(r)) { columns.append(columnKey(r)) }
        let sizes = Array(Set(records.map(\.spec.hidden))).sorted()
        let rows = sizes.map { h in
            ["\(h)"] + columns.map { c in
                let values = records.filter { $0.spec.hidden == h && columnKey($0) == c }.map(metric)
                let s = Summary(values)
                return values.isEmpty ? "" : String(format: "%.3f ± %.3f", s.mean, s.std)
            }
        }
        return title + "\n" + TextTable.render(header: ["hidden"] + columns, rows: rows)
    }

    /// The rows, then mean ± std over seeds of the held-out and best training F1.
    public func report() -> String {
        if showLearningRate {
            return text() + "\n"
                + summary(title: "Held-out F1, mean ± std over seeds (rows: hidden size, columns: learning rate)") {
                    $0.heldOut.f1 } + "\n"
                + summary(title: "Best training F1 over epochs, mean ± std over seeds") { $0.bestTrainF1 }
        }
        return text() + "\n"
            + summary(title: "Best training F1 over epochs, mean ± std over seeds (rows: hidden size, columns: pair)") {
                $0.bestTrainF1 } + "\n"
            + summary(title: "Held-out F1 after training, mean ± std over seeds") { $0.heldOut.f1 }
    }
}
