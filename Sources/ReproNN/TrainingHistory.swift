/// Per-epoch training-set metrics, logged before each epoch's update (as the published code does).
public struct TrainingHistory: Codable, Equatable, Sendable {
    public var loss: [Double] = []
    public var accuracy: [Double] = []
    public var precision: [Double] = []
    public var recall: [Double] = []
    public var f1: [Double] = []
    public var auc: [Double] = []

    public init() {}

    public mutating func append(_ m: BinaryMetrics) {
        loss.append(m.loss); accuracy.append(m.accuracy); precision.append(m.precision)
        recall.append(m.recall); f1.append(m.f1); auc.append(m.auc)
    }

    public var epochs: Int { loss.count }
    public var bestF1: Double { f1.max() ?? 0 }
    public var finalLoss: Double { loss.last ?? .nan }
}
