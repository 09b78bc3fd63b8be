import ReproRobustness
import ReproSupport

/// `repro results robustness`: every row as CSV
/// (`family,architecture,width,depth,seed,evaluation,setting,value`),
/// or, as text, per family one line per width or depth with the headline numbers as
/// mean ± std over seeds.
public struct RobustnessTable {
    public let rows: [RobustnessRow]

    public init(rows: [RobustnessRow]) { self.rows = rows }

    public static let header = ["family", "architecture", "width", "depth", "seed", "evaluation",
                                "setting", "value"]

    public func csv() -> String {
        let lines = rows.map { r in
            ["\(r.family.rawValue)", r.architecture, "\(r.width)", "\(r.depth)", "\(r.seed)",
             r.evaluation.rawValue, r.setting.description, "\(r.value)"].joined(separator: ",")
        }
        return ([Self.header.joined(separator: ",")] + lines).joined(separator: "\n") + "\n"
    }

    /// The summary columns: (title, evaluation, setting).
    static let columns: [(String, RobustnessEvaluation, EvaluationSetting)] = [
        ("clean", .clean, .none), ("noise σ=0.2", .weightNoise, .value(0.2)),
        ("δL σ=0.2", .weightNoiseDL, .value(0.2)), ("MNIST-C", .mnistC, .mean),
        ("FGSM ε=0.1", .fgsm, .value(0.1)), ("PGD ε=0.1", .pgd, .value(0.1)),
        ("APGD ε=0.1", .apgd, .value(0.1)), ("min recall", .minRecall, .none),
    ]

    public func report() -> String {
        let families = Paper2Family.allCases.filter { f in rows.contains { $0.family == f } }
        return families.map { family -> String in
            let mine = rows.filter { $0.family == family }
            let sizes = Array(Set(mine.map(\.size))).sorted()
            let lines = sizes.map { size -> [String] in
                let group = mine.filter { $0.size == size }
                let seeds = Set(group.map(\.seed)).count
                let name = family.isConvolutional ? "\(group[0].architecture)-\(group[0].width)" : "\(size)"
                return [name] + Self.columns.map { _, evaluation, setting in
                    group.meanStdText(evaluation, setting)
                } + ["\(seeds)"]
            }
            let header = [family.isConvolutional ? "network" : family.role == .depth ? "depth" : "width"]
                + Self.columns.map(\.0) + ["seeds"]
            return "\(family.rawValue): mean ± std over seeds (all settings: --csv)\n"
                + TextTable.render(header: header, rows: lines)
        }.joined(separator: "\n")
    }
}
