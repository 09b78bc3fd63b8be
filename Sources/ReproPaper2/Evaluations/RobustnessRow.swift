import ReproData
import ReproRobustness
import ReproSupport

/// One measured value of one network: the tidy form every table, figure and claim reads.
public struct RobustnessRow: Codable, Equatable, Sendable {
    public var family: Paper2Family
    public var width: Int
    public var depth: Int
    public var seed: Int
    public var evaluation: RobustnessEvaluation
    /// σ, the corruption's name or ε, as printed (`""` where the evaluation has none).
    public var setting: EvaluationSetting
    public var value: Double
    /// The CIFAR set the network was trained and evaluated on; nil (left out of the JSON): MNIST.
    public var dataset: CIFARDataset?

    public init(family: Paper2Family, width: Int, depth: Int, seed: Int,
                evaluation: RobustnessEvaluation, setting: EvaluationSetting = .none, value: Double,
                dataset: CIFARDataset? = nil) {
        self.dataset = dataset
        self.family = family
        self.width = width
        self.depth = depth
        self.seed = seed
        self.evaluation = evaluation
        self.setting = setting
        self.value = value
    }

    /// The network's architecture: "mlp", or the CNN's ("vgg13", "resnet18").
    public var architecture: String { family.architectureName(depth: depth) ?? "mlp" }

    /// What the family varies: the depth in the depth family, the width otherwise.
    public var size: Int { family.role == .depth ? depth : width }
}

extension Array where Element == RobustnessRow {
    /// The rows of one evaluation, of one setting unless `setting` is nil.
    func matching(_ evaluation: RobustnessEvaluation, _ setting: EvaluationSetting? = nil) -> [RobustnessRow] {
        filter { $0.evaluation == evaluation && (setting == nil || $0.setting == setting) }
    }

    /// Mean ± std over these rows' values (one per seed), or "–" when there are none.
    func meanStdText(_ evaluation: RobustnessEvaluation, _ setting: EvaluationSetting) -> String {
        let values = matching(evaluation, setting).map(\.value)
        return values.isEmpty ? "–" : Digits.meanStd(Summary(values), 4)
    }
}

