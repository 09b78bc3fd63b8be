import Foundation

/// One row per trained model, as `repro results` prints it.
public struct ResultTable {
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

}

/// Mean and population standard deviation (divisor n, NumPy's default `np.std`), as the published
/// figures compute their error bars over seeds.
public struct Summary: Equatable, Sendable {
    public let mean: Double
    public let std: Double
    public let count: Int

    public init(_ values: [Double]) {
        count = values.count
        mean = values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
        let m = mean
        std = values.isEmpty ? .nan : (values.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(values.count)).squareRoot()
    }
}

/// Columns padded to their widest cell; numbers right-aligned.
public enum TextTable {
    public static func render(header: [String], rows: [[String]]) -> String {
        let widths = header.indices.map { c in ([header] + rows).map { $0[c].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return c == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}
