/// What training returns for one model.
public struct TrainedModel: Sendable {
    public var parameters: MLPParameters
    public var history: TrainingHistory
}
