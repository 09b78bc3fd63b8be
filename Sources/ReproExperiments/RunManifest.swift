/// What one completed experiment was: its plan's hash, the keys of its models, and the time
/// they took.
public struct RunManifest: Codable, Equatable, Sendable {
    public var experiment: String
    public var planKey: String
    public var modelKeys: [String]
    /// Sum of the batch wall times of all its models' batches, whenever they were computed.
    public var computeSeconds: Double

    public init(experiment: String, planKey: String, modelKeys: [String], computeSeconds: Double) {
        self.experiment = experiment; self.planKey = planKey
        self.modelKeys = modelKeys; self.computeSeconds = computeSeconds
    }
}
