import ReproNN

/// The stored result of one trained network (its weights sit beside it in a binary file).
public struct ModelRecord: Codable, Equatable, Sendable {
    public var key: String
    public var spec: ModelSpec
    /// Training-set metrics per epoch, and why training stopped.
    public var history: TrainingHistory
    /// Metrics on the evaluation set after training (the held-out part, or the test split).
    public var evaluation: [String: Double]
    /// Recall of each class on the evaluation set, where the paper needs it.
    public var perClassRecall: [Double]?
    public var trainCount: Int
    public var evaluationCount: Int
    /// How many models were trained in the same batch, and that batch's wall time in seconds.
    public var batchSize: Int
    public var batchSeconds: Double
    /// The keys of the models trained together with this one (itself included), where their
    /// numbers depend on each other: the record counts as stored only once all of them are.
    /// Nil for a model trained alone, derived from another, or stored before this field existed.
    public var batch: [String]?
    /// Set by the store when it writes the record (nil before, and in stores older than the
    /// check): the SHA-256 of the record's own canonical JSON without these two fields, and of
    /// its weight file's bytes. A read that finds either changed treats the model as damaged.
    public var sha256: String?
    public var weightsSHA256: String?

    public init(key: String, spec: ModelSpec, history: TrainingHistory,
                evaluation: [String: Double], perClassRecall: [Double]? = nil,
                trainCount: Int, evaluationCount: Int, batchSize: Int, batchSeconds: Double,
                batch: [String]? = nil) {
        self.key = key; self.spec = spec; self.history = history; self.evaluation = evaluation
        self.perClassRecall = perClassRecall; self.trainCount = trainCount
        self.evaluationCount = evaluationCount; self.batchSize = batchSize
        self.batchSeconds = batchSeconds; self.batch = batch
    }

    public var finalTrainLoss: Double { history.finalLoss }
}
