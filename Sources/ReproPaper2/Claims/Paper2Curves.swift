import Foundation
import ReproReport
import ReproRobustness
import ReproSupport

/// Which values of the tidy rows a claim reads: a family, an evaluation and its setting.
public struct CurveSelector: Codable, Sendable, Equatable {
    public var family: Paper2Family
    public var evaluation: RobustnessEvaluation
    public var setting: EvaluationSetting

    public init(family: Paper2Family, evaluation: RobustnessEvaluation, setting: EvaluationSetting = .none) {
        self.family = family
        self.evaluation = evaluation
        self.setting = setting
    }

    enum CodingKeys: String, CodingKey { case family, evaluation, setting }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        family = try c.decode(Paper2Family.self, forKey: .family)
        evaluation = try c.decode(RobustnessEvaluation.self, forKey: .evaluation)
        setting = try c.decodeIfPresent(EvaluationSetting.self, forKey: .setting) ?? .none
    }

    /// Whether the row is one of the curve's values.
    func selects(_ row: RobustnessRow) -> Bool {
        row.family == family && row.evaluation == evaluation && row.setting == setting
    }

    /// "pgd ε=0.05, sparse-width".
    var name: String { "\(evaluation.rawValue)\(settingText), \(family.rawValue)" }

    /// " ε=0.05", or "" without a setting.
    var settingText: String { setting == .none ? "" : " \(settingName)=\(setting)" }

    /// The shortest names that tell these curves apart: the setting alone when family and
    /// evaluation are shared ("σ=0.1"), the evaluation and setting when the family is
    /// ("pgd ε=0.05"), else the full name.
    static func names(_ selectors: [CurveSelector]) -> [String] {
        let families = Set(selectors.map(\.family)), evaluations = Set(selectors.map(\.evaluation))
        return selectors.map { s in
            if selectors.count > 1, families.count == 1, evaluations.count == 1,
               s.setting != .none {
                return s.settingText.trimmingCharacters(in: .whitespaces)
            }
            if selectors.count > 1, families.count == 1 {
                return "\(s.evaluation.rawValue)\(s.settingText)"
            }
            return s.name
        }
    }

    private var settingName: String { Self.symbol(evaluation) }

    /// How a setting of the evaluation is named: σ, corruption or ε.
    static func symbol(_ evaluation: RobustnessEvaluation) -> String {
        switch evaluation {
        case .weightNoise, .weightNoiseDL: return "σ"
        case .mnistC, .cifarC: return "corruption"
        default: return "ε"
        }
    }
}

/// Paper 2's curves: one point per network size of a family, from the dense end to the sparsest
/// (width ascending; depth ascending), each the summary over seeds of the selected value.
public enum Paper2Curves {
    public static func curve(_ selector: CurveSelector, rows: [RobustnessRow],
                             name: String? = nil) -> Curve {
        let mine = rows.filter { $0.family == selector.family }
            .matching(selector.evaluation, selector.setting)
        let sizes = Array(Set(mine.map(\.size))).sorted()
        let points = sizes.map { size -> Curve.Point in
            let values = mine.filter { $0.size == size }.map(\.value)
            return Curve.Point(label: label(selector.family, size: size,
                                            input: Paper2Input(mine.first?.dataset)),
                               summary: Summary(values))
        }
        return Curve(name: name ?? selector.name, points: points)
    }

    /// "100 %", "3.13 %", "0.39 %" (remaining weights of a width on its data set's images,
    /// printed as the figures' ticks print it), or "depth 4".
    public static func label(_ family: Paper2Family, size: Int,
                             input: Paper2Input = Paper2Input(nil)) -> String {
        if family.role == .depth { return "depth \(size)" }
        return "\(SparsityAxis.shareText(SparsityAxis.share(family.network, size, input: input))) %"
    }
}
