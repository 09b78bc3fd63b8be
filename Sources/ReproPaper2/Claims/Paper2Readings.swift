import ReproReport
import ReproRobustness

/// Whether a verdict survives other readings of the paper: each claim about the MLP's width
/// family re-checked on a variant's width family (its own networks, the other families as they
/// are), and at the other σ or ε the paper does not pin down. A reading that
/// changes the kind of verdict makes the claim *reading-sensitive*.
public enum Paper2Readings {
    /// The claim's verdict on one kind of network under each reading: `readings` are the rows
    /// of each variant (of the default's families); those of this network's width family
    /// replace the default's. A claim that reads another family of it (depth, pruned) is not
    /// re-checked: the variants train width families only.
    static func verdicts(_ test: Paper2ClaimTest, network: Paper2Network = .mlp,
                         default rows: [RobustnessRow],
                         readings: [(name: String, rows: [RobustnessRow])],
                         absent: String = "not run in this profile") -> [ScopedVerdict] {
        guard let scoped = test.scoped(to: network),
              let width = Paper2Family.of(network, .width) else { return [] }
        let families = Set((scoped.curves + (scoped.against ?? [])).map(\.family))
        return readings.map { name, all in
            let variant = all.filter { $0.family == width }
            guard families == [width], !variant.isEmpty else {
                return ScopedVerdict(scope: name, verdict: .untestable,
                                     evidence: variant.isEmpty ? absent
                                         : "reads a family the variants do not train")
            }
            let mixed = rows.filter { $0.family != width } + variant
            let m = Paper2ClaimChecker.measure(scoped, rows: mixed)
            return ScopedVerdict(scope: name, verdict: m.verdict, evidence: m.reproduced)
        }
    }

    /// The other σ or ε the rows hold for the claim's evaluations, each with the claim's verdict
    /// when it reads that setting instead: "σ = 0.5: holds". A claim whose curves are one
    /// evaluation at several settings (C2: σ = 0.1, 0.2, 0.3) is read at each other setting
    /// alone; one whose curves share one setting over several evaluations (C5: five attacks at
    /// ε = 0.05) at each other setting for all of them. MNIST-C's corruptions are not a
    /// parameter the paper leaves open (Fig. 9 shows each), and mixed claims are left as stated.
    static func otherSettings(_ test: Paper2ClaimTest, network: Paper2Network = .mlp,
                              rows: [RobustnessRow]) -> [ScopedVerdict] {
        guard let scoped = test.scoped(to: network), scoped.against == nil,
              scoped.curves.allSatisfy({ $0.setting.number != nil }),
              let first = scoped.curves.first else { return [] }
        let evaluations = Set(scoped.curves.map(\.evaluation))
        let settings = Set(scoped.curves.map(\.setting))
        guard evaluations.count == 1 || settings.count == 1 else { return [] }
        func measured(_ e: RobustnessEvaluation) -> Set<EvaluationSetting> {
            Set(rows.filter { $0.family == first.family && $0.evaluation == e }.map(\.setting))
        }
        let common = evaluations.map(measured).reduce(measured(first.evaluation)) { $0.intersection($1) }
        return common.subtracting(settings).sorted { ($0.number ?? 0) < ($1.number ?? 0) }
            .map { setting in
                var alternative = scoped
                alternative.curves = evaluations.count == 1
                    ? [CurveSelector(family: first.family, evaluation: first.evaluation, setting: setting)]
                    : scoped.curves.map { CurveSelector(family: $0.family, evaluation: $0.evaluation,
                                                        setting: setting) }
                let m = Paper2ClaimChecker.measure(alternative, rows: rows)
                return ScopedVerdict(scope: "\(CurveSelector.symbol(first.evaluation)) = \(setting)",
                                     verdict: m.verdict, evidence: m.reproduced)
            }
    }

    /// The readings that flip the default verdict, by name: a variant whose verdict differs in
    /// kind; another setting that does not hold where the claim holds, or holds where it does
    /// not (a verdict that already holds only in part is not flipped by one setting).
    static func flips(_ variants: [ScopedVerdict], settings: [ScopedVerdict],
                      from verdict: Verdict) -> [String] {
        let changed = variants.filter {
            $0.verdict.kind != .untestable && $0.verdict.kind != verdict.kind
        }
        let decided = verdict.kind == .holds || verdict.kind == .doesNotHold
        let flipped = settings.filter {
            decided && $0.verdict.kind != .untestable && $0.verdict.kind != verdict.kind
        }
        return (changed + flipped).map(\.scope)
    }
}
