/// Inputs (row-major, `count` × `inputs`, already scaled) and 0/1 labels for training or
/// evaluation.
public struct TrainingSet: Sendable {
    public let features: [Double]
    public let labels: [UInt8]
    public let inputs: Int
    public var count: Int { labels.count }

    public init(features: [Double], labels: [UInt8], inputs: Int) {
        precondition(features.count == labels.count * inputs, "features must be count × inputs")
        self.features = features
        self.labels = labels
        self.inputs = inputs
    }

    /// How many inputs are non-zero in some example: the inner size of the trainer's GEMMs, which
    /// leave the others out.
    public var activeInputCount: Int {
        BatchedTrainer<Float>.nonZeroColumns(features, rows: count, columns: inputs).count
    }
}
