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
        self.auc = Self.rocAUC(scores: p, labels: y)
    }

    public init(probabilities: [Double], labels: [UInt8]) {
        self = probabilities.withUnsafeBufferPointer { p in
            labels.withUnsafeBufferPointer { y in BinaryMetrics(probabilities: p, labels: y) }
        }
    }

    /// Area under the ROC curve: the probability that a random positive scores above a random
    /// negative, ties counting one half (the Mann–Whitney statistic, equal to the trapezoidal ROC
    /// area). Zero when only one class is present (undefined); NaN when any score is NaN (a
    /// diverged model has no ranking, and must not read as a perfectly wrong one). Sorts the two
    /// classes' scores separately and merges them, which is much faster than an index sort.
    public static func rocAUC(scores: UnsafeBufferPointer<Double>,
                              labels: UnsafeBufferPointer<UInt8>) -> Double {
        var positives: [Double] = [], negatives: [Double] = []
        positives.reserveCapacity(scores.count); negatives.reserveCapacity(scores.count)
        for i in 0..<scores.count {
            if scores[i].isNaN { return .nan }
            if labels[i] == 1 { positives.append(scores[i]) } else { negatives.append(scores[i]) }
        }
        guard !positives.isEmpty, !negatives.isEmpty else { return 0 }
        positives.sort(); negatives.sort()
        // For each positive: negatives strictly below it count 1, equal ones count 1/2.
        var below = 0, notAbove = 0
        var wins = 0.0
        for score in positives {
            while below < negatives.count && negatives[below] < score { below += 1 }
            if notAbove < below { notAbove = below }
            while notAbove < negatives.count && negatives[notAbove] <= score { notAbove += 1 }
            wins += Double(below) + 0.5 * Double(notAbove - below)
        }
        return wins / (Double(positives.count) * Double(negatives.count))
    }
}
