/// How ``SparseTrainer`` trains. The defaults are the protocol's: SGD, momentum 0.9,
/// learning rate 0.01, mini-batches of 128.
public struct SparseTrainingOptions: Sendable, Equatable {
    public var batchSize: Int
    public var learningRate: Double
    public var momentum: Double
    /// Threads sharing each batch (samples for the passes, units for the step). Results do not
    /// depend on it for sparse layers; dense layers may differ in the last bits (BLAS). With
    /// more than one, set ``SparseConcurrency/blasThreads`` to 1. For many models, one thread
    /// each side by side (``SparseConcurrency/runSideBySide(_:threads:_:)``) uses the cores
    /// better.
    public var threads: Int
    /// Leave units that cannot affect the output out of the computation (exact; see
    /// ``Compaction``). Off only to prove that it changes nothing.
    public var compaction: Bool
    public var kernels: SparseKernelChoice
    /// Whether the biases take SGD steps; false for a model without biases (kept at zero, so
    /// they add nothing, and never updated).
    public var trainsBiases: Bool

    public init(
        batchSize: Int = 128, learningRate: Double = 0.01, momentum: Double = 0.9,
        threads: Int = 1, compaction: Bool = true, kernels: SparseKernelChoice = .automatic,
        trainsBiases: Bool = true
    ) {
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.momentum = momentum
        self.threads = threads
        self.compaction = compaction
        self.kernels = kernels
        self.trainsBiases = trainsBiases
    }

    func validate() throws {
        guard batchSize > 0 else {
            throw SparseError("batch size must be positive, got \(batchSize)")
        }
        try Check.positiveFinite(learningRate, "learning rate")
        guard momentum.isFinite, momentum >= 0, momentum < 1 else {
            throw SparseError("momentum must be in [0, 1), got \(momentum)")
        }
        guard threads > 0 else { throw SparseError("threads must be positive, got \(threads)") }
    }
}

/// What one epoch did.
public struct SparseEpochStats: Sendable, Equatable {
    /// 1 for the first epoch of this trainer's history.
    public let epoch: Int
    /// Mean over the epoch's mini-batches of each batch's mean cross-entropy (the quantity of
    /// the stopping rule), measured before each batch's step.
    public let meanLoss: Double
    /// Fraction of training examples classified correctly on the fly, before each batch's step.
    public let accuracy: Double
    public let seconds: Double
}
