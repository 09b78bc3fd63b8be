import Foundation

/// Loss and classification scores of a binary classifier on one set of examples, computed as the
/// published code does: threshold 0.5 on the probability, precision/recall/F1 zero when undefined,
/// binary cross-entropy with predictions clipped to [1e-12, 1 − 1e-12].
public struct BinaryMetrics: Codable, Equatable, Sendable {
    public var loss: Double
    public var accuracy: Double
    public var precision: Double
    public var recall: Double
    public var f1: Double
    public var auc: Double

    public init(loss: Double, accuracy: Double, precision: Double, recall: Double, f1: Double,
                auc: Double) {
        self.loss = loss; self.accuracy = accuracy; self.precision = precision
        self.recall = recall; self.f1 = f1; self.auc = auc
    }

    public static let clip = 1e-12

    /// Scores of probabilities `p` against labels `y` (0 or 1).
    public init(probabilities p: UnsafeBufferPointer<Double>,
                labels y: UnsafeBufferPointer<UInt8>) {
        var scratch = [UInt64](repeating: 0, count: RankedAUC.scratchCount(p.count))
        self = scratch.withUnsafeMutableBufferPointer {
            BinaryMetrics(probabilities: p, labels: y, scratch: $0)
        }
    }

    /// The same, with the ROC-AUC's working memory lent by the caller (at least
    /// `RankedAUC.scratchCount(p.count)` values), so scoring allocates nothing.
    init(probabilities p: UnsafeBufferPointer<Double>, labels y: UnsafeBufferPointer<UInt8>,
         scratch: UnsafeMutableBufferPointer<UInt64>) {
        precondition(p.count == y.count && !p.isEmpty)
        var loss = 0.0
        var tp = 0, fp = 0, fn = 0, tn = 0
        for i in 0..<p.count {
            let q = min(max(p[i], Self.clip), 1 - Self.clip)
            let positive = y[i] == 1
            loss -= positive ? Foundation.log(q) : Foundation.log(1 - q)
            switch (p[i] >= 0.5, positive) {
            case (true, true): tp += 1
            case (true, false): fp += 1
            case (false, true): fn += 1
            case (false, false): tn += 1
            }
        }
        let n = Double(p.count)
        self.loss = loss / n
        self.accuracy = Double(tp + tn) / n
        self.precision = tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp)
        self.recall = tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn)
        self.f1 = 2 * tp + fp + fn == 0 ? 0 : 2 * Double(tp) / Double(2 * tp + fp + fn)
        self.auc = RankedAUC.auc(scores: p, labels: y, scratch: scratch)
    }

    public init(probabilities: [Double], labels: [UInt8]) {
        self = probabilities.withUnsafeBufferPointer { p in
            labels.withUnsafeBufferPointer { y in BinaryMetrics(probabilities: p, labels: y) }
        }
    }

    /// Area under the ROC curve: the probability that a random positive scores above a random
    /// negative, ties counting one half (the Mann–Whitney statistic, equal to the trapezoidal ROC
    /// area). Zero when only one class is present (undefined); NaN when any score is NaN (a
    /// diverged model has no ranking, and must not read as a perfectly wrong one). Computed by
    /// `RankedAUC` (radix-sorted classes, merged).
    public static func rocAUC(scores: UnsafeBufferPointer<Double>,
                              labels: UnsafeBufferPointer<UInt8>) -> Double {
        var scratch = [UInt64](repeating: 0, count: RankedAUC.scratchCount(scores.count))
        return scratch.withUnsafeMutableBufferPointer {
            RankedAUC.auc(scores: scores, labels: labels, scratch: $0)
        }
    }
}
