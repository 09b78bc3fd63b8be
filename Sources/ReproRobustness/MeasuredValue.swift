/// A value measured on one network, before it is placed in its family's rows: the cached form.
public struct MeasuredValue: Codable, Equatable, Sendable {
    public var evaluation: RobustnessEvaluation
    public var setting: EvaluationSetting
    /// The mean over draws (or the single value).
    public var value: Double
    /// The value of each draw, where there are several (weight noise, corruption draws).
    public var draws: [Double]?

    public init(_ evaluation: RobustnessEvaluation, setting: EvaluationSetting = .none, value: Double,
                draws: [Double]? = nil) {
        self.evaluation = evaluation
        self.setting = setting
        self.value = value
        self.draws = draws
    }
}
