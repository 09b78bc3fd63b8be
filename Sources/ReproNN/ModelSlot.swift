/// One model inside a batched run: its starting weights and its learning rate.
public struct ModelSlot: Sendable {
    public var initial: MLPParameters
    public var learningRate: Double

    public init(initial: MLPParameters, learningRate: Double) {
        self.initial = initial
        self.learningRate = learningRate
    }
}
