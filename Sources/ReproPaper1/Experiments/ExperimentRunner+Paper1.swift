import ReproExperiments

extension ExperimentRunner {
    /// Runs a paper-1 plan with its batched binary trainer.
    @discardableResult
    public func run(_ plan: Paper1Plan, shard: Shard? = nil) throws -> Outcome {
        try run(plan, trainer: BinaryBatchTrainer(), shard: shard)
    }
}
