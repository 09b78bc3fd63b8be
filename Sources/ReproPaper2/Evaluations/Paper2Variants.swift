import ReproExperiments
import ReproReport
import ReproRobustness

/// The claims' entry to the readings of the paper: each variant's width families (the MLP's:
/// widths 2^7…2^13, 3 seeds, quick 2^7, 2^9, 2^11 × 2 seeds; the CNNs' as the profile builds
/// them) with the robustness evaluations of the default's settings, as `RobustnessRow`s of the
/// default's families.
public enum Paper2Variants {
    /// Trains what is missing of the variant's networks (reusing every stored one) and
    /// evaluates them.
    public static func rows(_ variant: Paper2Variant, quick: Bool, full: Bool = false,
                            context: PaperContext) throws -> [RobustnessRow] {
        try evaluated(variant, quick: quick, full: full).flatMap { evaluated in
            try evaluated.rows(runner: context.runner,
                               trainer: NetworkEngines.trainer(evaluated.plan.family,
                                                               store: context.runner.store),
                               log: context.log)
        }
    }

    /// The same rows from the store only (`repro results`); refused in one line naming the
    /// command to run when a network or an evaluation is missing.
    public static func storedRows(_ variant: Paper2Variant, quick: Bool,
                                  context: PaperContext) throws -> [RobustnessRow] {
        try evaluated(variant, quick: quick).flatMap {
            try $0.storedRows(runner: context.runner,
                              command: "repro run \(variant.evaluationExperiment) --variant "
                                  + variant.rawValue + (quick ? " --quick" : ""))
        }
    }

    /// Every variant of a profile with its rows, in the order of ``Paper2Variant/allCases``.
    public static func profileRows(full: Bool, quick: Bool,
                                   context: PaperContext) throws -> [Paper2Variant: [RobustnessRow]] {
        var rows: [Paper2Variant: [RobustnessRow]] = [:]
        for variant in Paper2Variant.profile(full: full) {
            rows[variant] = try self.rows(variant, quick: quick, full: full, context: context)
        }
        return rows
    }

    /// Each plan of the variant with the settings of the evaluations that read it (the CNNs'
    /// own for water-filling).
    static func evaluated(_ variant: Paper2Variant, quick: Bool, full: Bool = false) -> [EvaluatedPlan] {
        let settings = Paper2Reproduction.evaluationScope(variant.evaluationExperiment, quick: quick,
                                                          full: full)?.settings ?? .of(quick: quick)
        return Paper2Plan.variantPlans(variant, quick: quick, full: full).map {
            EvaluatedPlan(plan: $0, settings: settings)
        }
    }
}
