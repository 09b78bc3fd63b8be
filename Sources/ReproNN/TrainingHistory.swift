/// Per-epoch training metrics, by name: what a trainer logs is data, not a fixed set of fields, so
/// a binary trainer (loss, accuracy, precision, recall, F1, ROC-AUC) and a 10-class one (loss,
/// accuracy) share one stored form. `stop` says why training ended, where a trainer decides that.
public struct TrainingHistory: Codable, Equatable, Sendable {
    public var metrics: [String: [Double]] = [:]
    public var stop: String?

    public init(metrics: [String: [Double]] = [:], stop: String? = nil) {
        self.metrics = metrics
        self.stop = stop
    }

    /// Appends one epoch's values (every metric of the history should be given each epoch).
    public mutating func append(_ values: [String: Double]) {
        for (name, value) in values { metrics[name, default: []].append(value) }
    }

    public func series(_ name: String) -> [Double] { metrics[name] ?? [] }

    public var epochs: Int { metrics.values.map(\.count).max() ?? 0 }
    public var finalLoss: Double { series("loss").last ?? .nan }
}
