import ReproNN

/// The stored result of one trained network (its weights sit beside it in a binary file).
public struct ModelRecord: Codable, Equatable, Sendable {
    public var key: String
    public var spec: ModelSpec
    /// Training-set metrics per epoch, logged before each update.
    public var history: TrainingHistory
    /// Metrics on the held-out part after training.
    public var heldOut: BinaryMetrics
    public var trainCount: Int
    public var heldOutCount: Int
    /// How many models were trained in the same batch, and that batch's wall time in seconds.
    public var batchSize: Int
    public var batchSeconds: Double

    public var bestTrainF1: Double { history.bestF1 }
    public var finalTrainLoss: Double { history.finalLoss }
}
