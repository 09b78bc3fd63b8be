/// Why training stopped.
public enum SparseStopReason: String, Sendable, Equatable {
    /// An epoch's mean training cross-entropy fell below the threshold.
    case lossBelowThreshold
    /// The epoch limit was reached first.
    case maxEpochs
}

/// The history of a training run.
public struct SparseTrainingOutcome: Sendable, Equatable {
    public let epochs: [SparseEpochStats]
    public let stopReason: SparseStopReason
}

extension SparseTrainer {
    /// Trains until the first epoch whose mean training cross-entropy is below `lossThreshold`
    /// (protocol: 0.01), or until this trainer has done `maxEpochs` epochs (protocol: 300).
    ///
    /// `order(e)` gives the permutation of epoch e (1-based, counting epochs done before, so a
    /// resumed trainer continues the same sequence). `onEpoch` runs after every epoch, with the
    /// trainer, so the caller can report progress or save ``snapshot()``.
    public func train(
        on data: SparseDataset, maxEpochs: Int = 300, lossThreshold: Double = 0.01,
        order: (Int) throws -> [Int],
        onEpoch: (SparseEpochStats, SparseTrainer) throws -> Void = { _, _ in }
    )
        throws -> SparseTrainingOutcome
    {
        try Check.positive(maxEpochs, "max epochs")
        guard lossThreshold.isFinite else { throw SparseError("loss threshold must be finite") }
        var epochs: [SparseEpochStats] = []
        while epochsDone < maxEpochs {
            let stats = try trainEpoch(on: data, order: try order(epochsDone + 1))
            epochs.append(stats)
            try onEpoch(stats, self)
            if stats.meanLoss < lossThreshold {
                return SparseTrainingOutcome(epochs: epochs, stopReason: .lossBelowThreshold)
            }
        }
        return SparseTrainingOutcome(epochs: epochs, stopReason: .maxEpochs)
    }
}
