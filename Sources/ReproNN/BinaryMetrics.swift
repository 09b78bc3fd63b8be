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

    public init(loss: Double, accuracy: Double, precision: Double, recall: Double, f1: Double, auc: Double) {
        self.loss = loss; self.accuracy = accuracy; self.precision = precision
        self.recall = recall; self.f1 = f1; self.auc = auc
    }

    public static let clip = 1e-12

    /// Scores of probabilities `p` against labels `y` (0 or 1).
    public init(probabilities p: UnsafeBufferPointer<Double>, labels y: UnsafeBufferPointer<UInt8>) {
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
        self = probabilities.withUnsafeBufferPointer { p in labels.withUnsafeBufferPointer { y in BinaryMetrics(probabilities: p, labels: y) } }
    }

    /// Area under the ROC curve by the rank-sum (Mann–Whitney) formula, tied scores sharing their
    /// average rank. Zero when only one class is present (undefined).
    public static func rocAUC(scores: UnsafeBufferPointer<Double>, labels: UnsafeBufferPointer<UInt8>) -> Double {
        let positives = labels.reduce(0) { $0 + Int($1) }
        let negatives = labels.count - positives
        guard positives > 0, negatives > 0 else { return 0 }
        let order = (0..<scores.count).sorted { scores[$0] < scores[$1] }
        var rankSum = 0.0
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && scores[order[end + 1]] == scores[order[start]] { end += 1 }
            let averageRank = Double(start + end) / 2 + 1
            for k in start...end where labels[order[k]] == 1 { rankSum += averageRank }
            start = end + 1
        }
        let p = Double(positives)
        return (rankSum - p * (p + 1) / 2) / (p * Double(negatives))
    }
}
