import ReproSupport

/// What is measured on a trained network (issue 11's `evaluation` column).
public enum Paper2Evaluation: String, Codable, CaseIterable, Sendable {
    /// Accuracy on the whole clean test set.
    case clean
    /// Test accuracy under multiplicative weight noise; setting σ.
    case weightNoise = "weight-noise"
    /// δL = L(w + z) − L(w) on the test set; setting σ.
    case weightNoiseDL = "weight-noise-dL"
    /// Accuracy on MNIST-C; setting the corruption's name, `mean` (over the 15) or `identity`.
    case mnistC = "mnist-c"
    case fgsm, ffgsm, bim, pgd, apgd
    /// The smallest per-class recall on the clean test set.
    case minRecall = "min-recall"
}

/// One measured value of one network: the tidy form every table, figure and claim reads.
public struct RobustnessRow: Codable, Equatable, Sendable {
    public var family: Paper2Family
    public var width: Int
    public var depth: Int
    public var seed: Int
    public var evaluation: Paper2Evaluation
    /// σ, the corruption's name or ε, as printed (`""` where the evaluation has none).
    public var setting: String
    public var value: Double

    public init(family: Paper2Family, width: Int, depth: Int, seed: Int,
                evaluation: Paper2Evaluation, setting: String = "", value: Double) {
        self.family = family
        self.width = width
        self.depth = depth
        self.seed = seed
        self.evaluation = evaluation
        self.setting = setting
        self.value = value
    }

    /// What the family varies: the depth in the depth family, the width otherwise.
    public var size: Int { family == .sparseDepth ? depth : width }
}

extension Array where Element == RobustnessRow {
    /// The rows of one evaluation, of one setting unless `setting` is nil.
    func matching(_ evaluation: Paper2Evaluation, _ setting: String? = nil) -> [RobustnessRow] {
        filter { $0.evaluation == evaluation && (setting == nil || $0.setting == setting) }
    }

    /// Mean ± std over these rows' values (one per seed), or "–" when there are none.
    func meanStdText(_ evaluation: Paper2Evaluation, _ setting: String) -> String {
        let values = matching(evaluation, setting).map(\.value)
        return values.isEmpty ? "–" : Digits.meanStd(Summary(values), 4)
    }
}

/// A value measured on one network, before it is placed in its family's rows: the cached form.
public struct MeasuredValue: Codable, Equatable, Sendable {
    public var evaluation: Paper2Evaluation
    public var setting: String
    /// The mean over draws (or the single value).
    public var value: Double
    /// The value of each draw, where there are several (weight noise, corruption draws).
    public var draws: [Double]?

    public init(_ evaluation: Paper2Evaluation, setting: String = "", value: Double,
                draws: [Double]? = nil) {
        self.evaluation = evaluation
        self.setting = setting
        self.value = value
        self.draws = draws
    }
}
